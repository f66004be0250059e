package org.scholarly.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.util.List;

/**
 * The pipeline's throughput: the whole corpus as one bulk job, timed from the first byte sent until every count is
 * final (the job finished, both outboxes drained, both consumer groups caught up, journal totals still).
 */
public final class PipelineRun {

    /**
     * @param acceptedSeconds until the catalog answered 202 (the body is spooled by then)
     * @param jobSeconds      until the job reported itself finished (catalog rows and outbox events committed)
     * @param finalSeconds    until every count was final
     * @param applied         the citation-service instances' applied-event counters, sampled from before the first byte
     *                        until the counts were final
     * @param samplingErrors  why some of those samples were skipped
     */
    public record Result(long articles, long references, double acceptedSeconds, double jobSeconds, double finalSeconds,
                         JsonNode job, Settling.Observation settled, ApplyTimeline applied, List<String> samplingErrors) {

        public double articlesPerSecond() {
            return articles / finalSeconds;
        }

        public double referencesPerSecond() {
            return references / finalSeconds;
        }
    }

    /** The run ends without a result when nothing in the pipeline moved for this long. */
    static final long STALL_MILLIS = 10 * 60_000L;

    private final Api api;
    private final Platform platform;
    private final Settling settling;
    private final PrintStream log;

    public PipelineRun(Api api, Platform platform, Settling settling, PrintStream log) {
        this.api = api;
        this.platform = platform;
        this.settling = settling;
        this.log = log;
    }

    public Result run(CorpusFiles files) {
        String token = platform.token("bench-ingest", "ingest");
        try (ApplySampler sampler = new ApplySampler(api, platform.citationUrls()).start()) {
            return run(files, token, sampler);
        }
    }

    private Result run(CorpusFiles files, String token, ApplySampler sampler) {
        long start = System.nanoTime();
        JsonNode accepted = api.postFile(platform.catalogUrl() + "/api/v1/ingest/jobs", token, "application/x-ndjson", files.ndjson());
        double acceptedSeconds = since(start);
        String jobUrl = platform.catalogUrl() + "/api/v1/ingest/jobs/" + accepted.path("id").asText();
        log.printf("  job %s accepted after %.1f s%n", accepted.path("id").asText(), acceptedSeconds);
        JsonNode job = accepted;
        long lastReport = System.nanoTime();
        while ("RUNNING".equals(job.path("state").asText()) || "QUEUED".equals(job.path("state").asText())) {
            Settling.sleep(500);
            job = api.get(jobUrl, token);
            if (System.nanoTime() - lastReport > 10e9) {
                log.printf("  %.0f s: job read %d records (created %d, rejected %d)%n", since(start), job.path("total").asLong(),
                        job.path("created").asLong(), job.path("rejected").asLong());
                lastReport = System.nanoTime();
            }
        }
        double jobSeconds = since(start);
        log.printf("  job %s after %.1f s: %s%n", job.path("state").asText(), jobSeconds, job.toString().length() > 400
                ? job.toString().substring(0, 400) + "..." : job);
        settling.refreshJournals();
        Settling.Observation settled = settling.awaitFinal(STALL_MILLIS, o -> log.printf("  %.0f s: %s%n", since(start), o));
        double finalSeconds = (settled.nanos() - start) / 1e9;
        log.printf("  counts final after %.1f s: %s%n", finalSeconds, settled);
        ApplyTimeline applied = sampler.stop();
        return new Result(files.articles(), files.references(), acceptedSeconds, jobSeconds, finalSeconds, job, settled, applied,
                sampler.errors());
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
