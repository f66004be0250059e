package org.scholarly.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * How the citation-service instances applied the ingest over time, from their applied-event counters sampled about
 * once a second: events applied per instance, the sampling intervals in which every instance advanced (they worked
 * at the same time, not one after the other), and throughput over the first and the last window of the run (cost
 * flat as the catalog grows). Pure arithmetic over the samples, so that it can be checked without a stack.
 */
public final class ApplyTimeline {

    /** Articles in each throughput window of a large run; a smaller run uses a fifth of its articles. */
    static final int WINDOW_ARTICLES = 20_000;

    /**
     * One look at every instance's counter.
     *
     * @param seconds since the sampling began (the midpoint of the look, which asks every instance at once)
     * @param applied the counter of each instance, in instance order
     */
    public record Sample(double seconds, long[] applied) {

        long total() {
            long sum = 0;
            for (long value : applied) {
                sum += value;
            }
            return sum;
        }
    }

    /**
     * Throughput over one stretch of the run: {@code events} applied between {@code fromSeconds} and
     * {@code toSeconds}, interpolated linearly between samples.
     */
    public record Window(long events, double fromSeconds, double toSeconds) {

        public double seconds() {
            return toSeconds - fromSeconds;
        }

        public double perSecond() {
            return seconds() > 0 ? events / seconds() : Double.NaN;
        }
    }

    private final List<Sample> samples;

    public ApplyTimeline(List<Sample> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        int instances = samples.get(0).applied().length;
        if (samples.stream().anyMatch(s -> s.applied().length != instances)) {
            throw new IllegalArgumentException("every sample needs one counter per instance");
        }
        this.samples = List.copyOf(samples);
    }

    /** A fifth of a run under twice the window size, so that the two windows never overlap. */
    public static long windowSize(long articles) {
        return articles >= 2L * WINDOW_ARTICLES ? WINDOW_ARTICLES : articles / 5;
    }

    public int instances() {
        return samples.get(0).applied().length;
    }

    public int sampleCount() {
        return samples.size();
    }

    /** Events each instance applied while sampled (its counter's growth, so an external stack's history is left out). */
    public List<Long> appliedPerInstance() {
        List<Long> applied = new ArrayList<>();
        long[] first = samples.get(0).applied();
        long[] last = samples.get(samples.size() - 1).applied();
        for (int i = 0; i < first.length; i++) {
            applied.add(last[i] - first[i]);
        }
        return applied;
    }

    public long totalApplied() {
        return samples.get(samples.size() - 1).total() - samples.get(0).total();
    }

    /**
     * Per instance, the sampling intervals in which its counter grew. An instance commits a poll of events at a time,
     * so a slow one advances in few intervals; then few shared intervals say little either way.
     */
    public List<Integer> advancingIntervals() {
        List<Integer> counts = new ArrayList<>();
        for (int instance = 0; instance < instances(); instance++) {
            int count = 0;
            for (int i = 1; i < samples.size(); i++) {
                if (samples.get(i).applied()[instance] > samples.get(i - 1).applied()[instance]) {
                    count++;
                }
            }
            counts.add(count);
        }
        return counts;
    }

    /**
     * The most events applied in one sampling interval. Interpolation inside an interval assumes a steady rate, but an
     * instance commits a poll at a time: a window not many times this size is not resolved by the sampling.
     */
    public long largestStep() {
        long largest = 0;
        for (int i = 1; i < samples.size(); i++) {
            largest = Math.max(largest, samples.get(i).total() - samples.get(i - 1).total());
        }
        return largest;
    }

    /** Sampling intervals in which every instance's counter grew. */
    public int concurrentIntervals() {
        int count = 0;
        for (int i = 1; i < samples.size(); i++) {
            if (allAdvanced(samples.get(i - 1), samples.get(i))) {
                count++;
            }
        }
        return count;
    }

    /** The length of those intervals together: "both instances applied events within the same seconds". */
    public double concurrentSeconds() {
        double seconds = 0;
        for (int i = 1; i < samples.size(); i++) {
            if (allAdvanced(samples.get(i - 1), samples.get(i))) {
                seconds += samples.get(i).seconds() - samples.get(i - 1).seconds();
            }
        }
        return seconds;
    }

    /** Seconds in which at least one instance applied events: the denominator that makes the figure above readable. */
    public double activeSeconds() {
        double seconds = 0;
        for (int i = 1; i < samples.size(); i++) {
            if (samples.get(i).total() > samples.get(i - 1).total()) {
                seconds += samples.get(i).seconds() - samples.get(i - 1).seconds();
            }
        }
        return seconds;
    }

    /** From the last look before the first event was applied to the moment the last one was. */
    public Window overall() {
        long total = totalApplied();
        return new Window(total, startSeconds(), secondsAt(total));
    }

    /** The first {@code size} events applied, from the last look before the first of them. */
    public Window first(long size) {
        long events = Math.min(size, totalApplied());
        return new Window(events, startSeconds(), secondsAt(events));
    }

    /** The last {@code size} events applied. */
    public Window last(long size) {
        long total = totalApplied();
        long events = Math.min(size, total);
        return new Window(events, secondsAt(total - events), secondsAt(total));
    }

    /** Throughput over the last window ÷ over the first: 1.0 is a cost that does not grow with the catalog. */
    public static double ratio(Window first, Window last) {
        return last.perSecond() / first.perSecond();
    }

    private static boolean allAdvanced(Sample before, Sample after) {
        for (int i = 0; i < before.applied().length; i++) {
            if (after.applied()[i] <= before.applied()[i]) {
                return false;
            }
        }
        return true;
    }

    /** The last sample at which nothing of the run was applied yet. */
    private double startSeconds() {
        long base = samples.get(0).total();
        double start = samples.get(0).seconds();
        for (Sample sample : samples) {
            if (sample.total() > base) {
                break;
            }
            start = sample.seconds();
        }
        return start;
    }

    /**
     * When the run's applied events first reached {@code level} (counted from the first sample), interpolated
     * linearly inside the interval that crossed it; level 0 is the start of the run.
     */
    private double secondsAt(long level) {
        if (level <= 0) {
            return startSeconds();
        }
        long base = samples.get(0).total();
        for (int i = 1; i < samples.size(); i++) {
            long before = samples.get(i - 1).total() - base;
            long after = samples.get(i).total() - base;
            if (after >= level && before < level) {
                double fraction = (double) (level - before) / (after - before);
                return samples.get(i - 1).seconds() + fraction * (samples.get(i).seconds() - samples.get(i - 1).seconds());
            }
        }
        return samples.get(samples.size() - 1).seconds();
    }
}
