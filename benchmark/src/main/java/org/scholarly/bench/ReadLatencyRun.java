package org.scholarly.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Read latency at a fixed offered rate, open loop: requests go out on schedule whether or not earlier ones have
 * answered, and each latency counts from when its request was due, so a slow server cannot lower the load it is
 * measured under (no coordinated omission).
 */
public final class ReadLatencyRun {

    /** Latencies of one endpoint; {@code errors} counts non-2xx answers and failures, which are not latencies. */
    public record Endpoint(String name, double rate, int requests, int errors, double p50, double p99, double max) {
    }

    private final Api api;
    private final Platform platform;
    private final CorpusIds ids;
    private final long seed;

    public ReadLatencyRun(Api api, Platform platform, CorpusIds ids, long seed) {
        this.api = api;
        this.platform = platform;
        this.ids = ids;
        this.seed = seed;
    }

    /** Both endpoints interleaved, each at {@code ratePerEndpoint} requests per second. */
    public List<Endpoint> run(double ratePerEndpoint, long durationMillis) throws InterruptedException {
        Latencies articles = new Latencies();
        Latencies citations = new Latencies();
        AtomicInteger articleErrors = new AtomicInteger();
        AtomicInteger citationErrors = new AtomicInteger();
        Random random = new Random(seed + 2);
        int perEndpoint = (int) Math.round(ratePerEndpoint * durationMillis / 1000.0);
        long period = (long) (1e9 / (2 * ratePerEndpoint));
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long start = System.nanoTime();
        for (int n = 0; n < 2 * perEndpoint; n++) {
            long due = start + n * period;
            FreshnessRun.sleepUntil(due);
            boolean article = n % 2 == 0;
            String id = ids.id(ids.randomPresent(random)).toString();
            String url = article ? platform.catalogUrl() + "/api/v1/articles/" + id
                    : platform.citationUrl() + "/api/v1/citations/articles/" + id;
            Latencies into = article ? articles : citations;
            AtomicInteger errors = article ? articleErrors : citationErrors;
            inFlight.add(api.getAsync(url).whenComplete((response, failure) -> record(due, response, failure, into, errors)));
        }
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            // Failures were counted per request; a request still open after two minutes is simply not a latency.
        }
        return List.of(
                endpoint("GET /api/v1/articles/{id}", ratePerEndpoint, perEndpoint, articleErrors.get(), articles),
                endpoint("GET /api/v1/citations/articles/{id}", ratePerEndpoint, perEndpoint, citationErrors.get(), citations));
    }

    private static void record(long due, HttpResponse<Void> response, Throwable failure, Latencies into, AtomicInteger errors) {
        if (failure != null || response.statusCode() / 100 != 2) {
            errors.incrementAndGet();
        } else {
            into.add((System.nanoTime() - due) / 1e6);
        }
    }

    private static Endpoint endpoint(String name, double rate, int requests, int errors, Latencies latencies) {
        return new Endpoint(name, rate, requests, errors, latencies.percentile(50), latencies.percentile(99), latencies.percentile(100));
    }
}
