package org.scholarly.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads every citation-service instance's applied-event counter once a second while the ingest runs. The counter is
 * the platform's own, {@code consumer_records_total{channel="article-events",outcome="applied"}} (service-support's
 * ConsumerMetrics): the benchmark measures what the operators' dashboards would show, not a private probe.
 */
public final class ApplySampler implements AutoCloseable {

    static final String METRIC = "consumer_records_total";
    static final String CHANNEL = "article-events";
    static final long PERIOD_MILLIS = 1000;

    private final Api api;
    private final List<String> instanceUrls;
    private final List<ApplyTimeline.Sample> samples = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "apply-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private long start;

    public ApplySampler(Api api, List<String> instanceUrls) {
        this.api = api;
        this.instanceUrls = List.copyOf(instanceUrls);
    }

    /** Takes the first sample now (the baseline every figure counts from), then one a second. */
    public ApplySampler start() {
        start = System.nanoTime();
        sample();
        timer.scheduleAtFixedRate(this::sample, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Stops sampling after one last look, so that the timeline ends with the counts the run settled on. */
    public ApplyTimeline stop() {
        timer.shutdown();
        try {
            timer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        synchronized (samples) {
            return new ApplyTimeline(samples);
        }
    }

    /** Why some looks failed (a sample is skipped whole when one instance did not answer). */
    public List<String> errors() {
        synchronized (samples) {
            return List.copyOf(errors);
        }
    }

    private void sample() {
        long asked = System.nanoTime();
        List<CompletableFuture<String>> answers = instanceUrls.stream().map(url -> api.textAsync(url + "/q/metrics")).toList();
        long[] applied = new long[answers.size()];
        try {
            for (int i = 0; i < answers.size(); i++) {
                applied[i] = applied(answers.get(i).get(30, TimeUnit.SECONDS));
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            synchronized (samples) {
                if (errors.size() < 10) {
                    errors.add(e.toString());
                }
            }
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long answered = System.nanoTime();
        // The counter was read somewhere between the question and the last answer.
        double seconds = ((asked + answered) / 2.0 - start) / 1e9;
        synchronized (samples) {
            samples.add(new ApplyTimeline.Sample(seconds, applied));
        }
    }

    /**
     * The applied article events in a Prometheus text exposition; 0 before the first event (the series appears
     * with the channel's first record).
     */
    static long applied(String metrics) {
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (!line.startsWith(METRIC + "{")) {
                continue;
            }
            int close = line.indexOf('}');
            String labels = line.substring(METRIC.length() + 1, close);
            if (labels.contains("channel=\"" + CHANNEL + "\"") && labels.contains("outcome=\"applied\"")) {
                String[] value = line.substring(close + 1).trim().split("\\s+");
                sum += Double.parseDouble(value[0]);
            }
        }
        return Math.round(sum);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
