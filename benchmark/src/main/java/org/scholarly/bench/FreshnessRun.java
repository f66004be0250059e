package org.scholarly.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Freshness under a steady write load: new articles, each citing one corpus article by DOI, are posted one by one at
 * a fixed rate; for each, the time from the acknowledgement of the POST until the cited article's count shows the
 * new citation. Targets are distinct, so every count grows exactly once and its baseline is read just before.
 */
public final class FreshnessRun {

    /** Poll interval of the count check: the resolution of every figure below. */
    static final long POLL_MILLIS = 100;
    /** A citation not visible after this long is counted as missing, not as a latency. */
    static final long GIVE_UP_MILLIS = 120_000;
    /** Token subjects the writes are spread over, each far below the catalog's per-subject rate limit. */
    static final int SUBJECTS = 4;

    public record Result(double rate, double seconds, int sent, int seen, int missing, int failedWrites, double p50, double p95,
                         double p99, double max, long pollMillis, List<String> errors) {
    }

    private final Api api;
    private final Platform platform;
    private final CorpusGenerator corpus;
    private final CorpusIds ids;
    private final long seed;

    public FreshnessRun(Api api, Platform platform, CorpusGenerator corpus, CorpusIds ids, long seed) {
        this.api = api;
        this.platform = platform;
        this.corpus = corpus;
        this.ids = ids;
        this.seed = seed;
    }

    public Result run(double rate, long durationMillis) throws InterruptedException {
        int wanted = (int) Math.max(1, Math.round(rate * durationMillis / 1000.0));
        List<Integer> targets = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (ids.id(i) != null) {
                targets.add(i);
            }
        }
        Collections.shuffle(targets, new Random(seed + 1));
        int count = Math.min(wanted, targets.size());
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> tokens = new ArrayList<>();
        for (int s = 0; s < SUBJECTS; s++) {
            tokens.add(platform.token("bench-freshness-" + s, "ingest"));
        }
        Latencies latencies = new Latencies();
        AtomicInteger missing = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        ExecutorService writers = Executors.newFixedThreadPool(16);
        ScheduledExecutorService pollers = Executors.newScheduledThreadPool(4);
        long period = (long) (1e9 / rate);
        long start = System.nanoTime();
        for (int n = 0; n < count; n++) {
            long due = start + n * period;
            sleepUntil(due);
            int target = targets.get(n);
            String token = tokens.get(n % SUBJECTS);
            ObjectNode article = probe(run, n, target);
            writers.execute(() -> {
                try {
                    String countUrl = platform.citationUrl() + "/api/v1/citations/articles/" + ids.id(target);
                    long baseline = api.get(countUrl).path("citedByCount").asLong();
                    api.postJson(platform.catalogUrl() + "/api/v1/articles", token, article);
                    long acked = System.nanoTime();
                    pollers.schedule(new Poll(countUrl, baseline, acked, latencies, missing, pollers), POLL_MILLIS / 2,
                            TimeUnit.MILLISECONDS);
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    if (errors.size() < 5) {
                        errors.add(e.getMessage());
                    }
                }
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        writers.shutdown();
        writers.awaitTermination(2, TimeUnit.MINUTES);
        // Polls reschedule themselves until seen or given up; wait for the last of them.
        long deadline = System.currentTimeMillis() + GIVE_UP_MILLIS + 10_000;
        while (latencies.count() + missing.get() + failed.get() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        pollers.shutdownNow();
        return new Result(rate, seconds, count, latencies.count(), missing.get(), failed.get(), latencies.percentile(50),
                latencies.percentile(95), latencies.percentile(99), latencies.percentile(100), POLL_MILLIS, errors);
    }

    /** A new article in the target's journal and issue whose only reference is the target's DOI. */
    private ObjectNode probe(String run, int n, int target) {
        ObjectNode source = corpus.article(target).json();
        ObjectNode article = Api.JSON.createObjectNode();
        article.put("doi", "10.5555/fresh." + run + "." + n);
        article.putObject("titles").put("en", "Freshness probe " + n + " of run " + run)
                .put("ko", "신선도 측정 " + n + " (" + run + ")");
        article.put("language", "en");
        article.put("publicationYear", 2025);
        article.put("workflowStatus", "PUBLISHED");
        article.set("journal", source.get("journal"));
        article.set("authors", source.get("authors"));
        article.putArray("references").addObject().put("doi", corpus.doi(target));
        return article;
    }

    private final class Poll implements Runnable {
        private final String url;
        private final long baseline;
        private final long acked;
        private final Latencies latencies;
        private final AtomicInteger missing;
        private final ScheduledExecutorService pollers;

        Poll(String url, long baseline, long acked, Latencies latencies, AtomicInteger missing, ScheduledExecutorService pollers) {
            this.url = url;
            this.baseline = baseline;
            this.acked = acked;
            this.latencies = latencies;
            this.missing = missing;
            this.pollers = pollers;
        }

        @Override
        public void run() {
            long count;
            try {
                count = api.get(url).path("citedByCount").asLong();
            } catch (RuntimeException e) {
                count = baseline;
            }
            long now = System.nanoTime();
            if (count > baseline) {
                latencies.add((now - acked) / 1e6);
            } else if (now - acked > TimeUnit.MILLISECONDS.toNanos(GIVE_UP_MILLIS)) {
                missing.incrementAndGet();
            } else {
                pollers.schedule(this, POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
