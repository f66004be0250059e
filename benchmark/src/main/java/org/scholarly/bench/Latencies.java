package org.scholarly.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collected durations in milliseconds, with nearest-rank percentiles. Thread-safe. */
public final class Latencies {

    private final List<Double> millis = new ArrayList<>();

    public synchronized void add(double value) {
        millis.add(value);
    }

    public synchronized int count() {
        return millis.size();
    }

    public synchronized double percentile(double p) {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
