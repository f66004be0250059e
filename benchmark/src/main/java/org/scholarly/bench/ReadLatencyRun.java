package org.scholarly.bench;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Read latency at a fixed offered rate, open loop ({@link OpenLoop}): the two endpoints interleaved, each at the
 * given rate, the citation reads spread round-robin over the citation-service instances as a balancer would. A
 * short warm-up at the same rate comes first and is not counted: it opens the client's connections, which a
 * long-running reader would already hold.
 */
public final class ReadLatencyRun {

    /** Latencies of one endpoint; {@code errors} counts non-2xx answers, failures and requests never answered. */
    public record Endpoint(String name, double rate, int requests, int errors, double p50, double p99, double max) {
    }

    /**
     * Both endpoints, and whether the generator kept its schedule: the offered rate it achieved and how late it sent
     * (a late send is counted in the latencies, since they run from the due time).
     */
    public record Result(List<Endpoint> endpoints, double warmUpSeconds, double offeredRate, double achievedRate,
                         double sendLatenessP99, double sendLatenessMax) {
    }

    static final long WARM_UP_MILLIS = 3_000;

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

    public Result run(double ratePerEndpoint, long durationMillis) throws InterruptedException {
        OpenLoop loop = new OpenLoop(api);
        Random random = new Random(seed + 2);
        long warmUp = Math.min(WARM_UP_MILLIS, durationMillis);
        loop.run(2 * ratePerEndpoint, warmUp, n -> request(n, random, new Latencies(), new Latencies(), new AtomicInteger(),
                new AtomicInteger()));
        Latencies articles = new Latencies();
        Latencies citations = new Latencies();
        AtomicInteger articleErrors = new AtomicInteger();
        AtomicInteger citationErrors = new AtomicInteger();
        OpenLoop.Result result = loop.run(2 * ratePerEndpoint, durationMillis,
                n -> request(n, random, articles, citations, articleErrors, citationErrors));
        int perEndpoint = result.sent() / 2;
        return new Result(List.of(
                endpoint("GET /api/v1/articles/{id}", ratePerEndpoint, result.sent() - perEndpoint, articleErrors.get(), articles),
                endpoint("GET /api/v1/citations/articles/{id}", ratePerEndpoint, perEndpoint, citationErrors.get(), citations)),
                warmUp / 1000.0, 2 * ratePerEndpoint, result.achievedRate(), result.sendLateness().percentile(99),
                result.sendLateness().percentile(100));
    }

    /** Even requests read an article from the catalog, odd ones its citation counts. */
    private OpenLoop.Request request(int n, Random random, Latencies articles, Latencies citations, AtomicInteger articleErrors,
                                     AtomicInteger citationErrors) {
        String id = ids.id(ids.randomPresent(random)).toString();
        if (n % 2 == 0) {
            return new OpenLoop.Request(platform.catalogUrl() + "/api/v1/articles/" + id, articles, articleErrors);
        }
        List<String> instances = platform.citationUrls();
        return new OpenLoop.Request(instances.get((n / 2) % instances.size()) + "/api/v1/citations/articles/" + id, citations,
                citationErrors);
    }

    private static Endpoint endpoint(String name, double rate, int requests, int errors, Latencies latencies) {
        return new Endpoint(name, rate, requests, errors, latencies.percentile(50), latencies.percentile(99), latencies.percentile(100));
    }
}
