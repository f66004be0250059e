package org.scholarly.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The benchmark: renders the seeded corpus, ingests it through the bulk API of a running platform, measures
 * throughput until every count is final, freshness under steady load, read latency at a fixed rate, resolution
 * precision and recall, and in the same run the PostgreSQL COPY and raw Kafka producer baselines. {@code bench/run}
 * is the command; see {@link BenchmarkOptions#USAGE}.
 */
public final class Benchmark {

    private static final PrintStream OUT = System.out;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.compareInstances()) {
            Run one = run(options.withCitationInstances(1));
            Run two = run(options.withCitationInstances(2));
            InstanceComparison comparison = new InstanceComparison(options.command(), one.report(), two.report());
            Path written = comparison.write(Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize()
                    .resolve(options.out()), one.markdown(), two.markdown());
            OUT.println();
            OUT.print(comparison.markdown());
            OUT.println();
            OUT.println("Results: " + one.markdown() + ", " + two.markdown() + ", " + written);
        } else {
            Path markdown = run(options).markdown();
            OUT.println();
            OUT.println("Results: " + markdown);
        }
        // Kafka and HTTP client threads must not keep the JVM alive once the stack is down.
        System.exit(0);
    }

    /** One run's report and where its Markdown was written. */
    record Run(Report report, Path markdown) {
    }

    static Run run(BenchmarkOptions options) throws Exception {
        Instant startedAt = Instant.now();
        String loadAtStart = Machine.loadAverage();
        Machine machine = Machine.describe();
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path runDirectory = root.resolve(options.work())
                .resolve("run-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(startedAt));
        List<String> notes = new ArrayList<>();

        OUT.printf("Rendering %,d articles (%d journals, seed %d) to %s%n", options.articles(), options.journals(), options.seed(),
                root.relativize(runDirectory.resolve("corpus")));
        CorpusGenerator generator = new CorpusGenerator(options.seed(), options.articles(), options.journals());
        CorpusFiles corpus = CorpusFiles.write(generator, runDirectory.resolve("corpus"));
        OUT.printf("  %,d references, %.1f MiB NDJSON%n", corpus.references(), corpus.ndjsonBytes() / 1048576.0);

        OUT.println(options.external() == null ? "Starting the stack on free ports in " + root.relativize(runDirectory.resolve("stack"))
                + " with " + options.citationInstances() + " citation-service instance(s)"
                : "Using the stack at " + options.external().catalogUrl());
        Api api = new Api();
        try (Platform platform = options.external() == null
                ? Platform.embedded(runDirectory.resolve("stack"), root, options.citationInstances())
                : Platform.external(options.external());
             Settling settling = new Settling(api, platform)) {
            OUT.println("Pipeline: bulk ingestion until every count is final");
            PipelineRun.Result pipeline = new PipelineRun(api, platform, settling, OUT).run(corpus);
            Settling.Assignment assignment = assignment(settling, notes);
            OUT.printf("  %s%n", assignment == null ? "partition assignment unknown" : assignment);
            if (!pipeline.samplingErrors().isEmpty()) {
                notes.add("Some samples of the applied-event counters failed and were skipped, for example: "
                        + pipeline.samplingErrors().get(0));
            }
            if (pipeline.job().path("rejected").asLong() > 0 || !"FINISHED".equals(pipeline.job().path("state").asText())) {
                notes.add("The ingestion job ended " + pipeline.job().path("state").asText() + " with "
                        + pipeline.job().path("rejected").asLong() + " rejected records: " + pipeline.job().path("errors")
                        + " " + pipeline.job().path("failure").asText(""));
            }

            ApplyTimeline applied = pipeline.applied();
            long window = ApplyTimeline.windowSize(options.articles());
            OUT.printf("  citation-service applied %,d events at %.1f/s; first %,d at %.1f/s, last %,d at %.1f/s (last ÷ first %.2f)%n",
                    applied.overall().events(), applied.overall().perSecond(), applied.first(window).events(),
                    applied.first(window).perSecond(), applied.last(window).events(), applied.last(window).perSecond(),
                    ApplyTimeline.ratio(applied.first(window), applied.last(window)));
            if (applied.totalApplied() == 0) {
                notes.add("No citation-service instance's " + ApplySampler.METRIC + "{channel=\"" + ApplySampler.CHANNEL
                        + "\",outcome=\"applied\"} moved during the ingest: the counter is missing or was renamed, and every "
                        + "figure derived from it is empty.");
            } else if (applied.largestStep() * 10 > window) {
                notes.add(String.format(java.util.Locale.ROOT, "Up to %,d events were applied within one sampling interval, more "
                        + "than a tenth of the %,d-event windows: the first/last window figures are not resolved by the sampling "
                        + "(a larger run is).", applied.largestStep(), window));
            }

            OUT.println("Reading the catalog ids of the corpus");
            CorpusIds ids = CorpusIds.load(settling, platform.catalogUrl(), options.seed(), options.articles());
            if (ids.found() != options.articles()) {
                notes.add("The catalog lists " + ids.found() + " of the " + options.articles() + " corpus articles.");
            }
            OUT.printf("  %,d of %,d found%n", ids.found(), options.articles());

            OUT.printf("Resolution quality on %d sampled citing articles%n", options.qualitySample());
            ResolutionQuality.Result quality = new ResolutionQuality(api, platform, ids)
                    .measure(corpus.truth(), options.qualitySample(), options.seed());
            OUT.printf("  precision %.4f, recall %.4f%n", quality.score().all().precision(), quality.score().all().recall());

            double rate = Math.min(options.freshnessMaxRate(), pipeline.articlesPerSecond() / 2);
            if (rate < pipeline.articlesPerSecond() / 2) {
                notes.add(String.format(java.util.Locale.ROOT, "Freshness ran at %.1f writes/s, the cap of one client, below half "
                        + "the measured maximum (%.1f articles/s).", rate, pipeline.articlesPerSecond() / 2));
            }
            OUT.printf("Freshness at %.1f writes/s for %d s%n", rate, options.freshnessDuration().toSeconds());
            FreshnessRun.Result freshness = new FreshnessRun(api, platform, generator, ids, options.seed())
                    .run(rate, options.freshnessDuration().toMillis());
            OUT.printf("  p50 %.0f ms, p95 %.0f ms, p99 %.0f ms (%d seen, %d missing, %d failed)%n", freshness.p50(), freshness.p95(),
                    freshness.p99(), freshness.seen(), freshness.missing(), freshness.failedWrites());
            if (!freshness.errors().isEmpty()) {
                notes.add("Freshness writes failed, for example: " + freshness.errors().get(0));
            }

            OUT.printf("Read latency at %.0f req/s per endpoint for %d s%n", options.readRate(), options.readDuration().toSeconds());
            ReadLatencyRun.Result reads = new ReadLatencyRun(api, platform, ids, options.seed())
                    .run(options.readRate(), options.readDuration().toMillis());
            reads.endpoints().forEach(r -> OUT.printf("  %s: p50 %.1f ms, p99 %.1f ms (%d errors)%n", r.name(), r.p50(), r.p99(),
                    r.errors()));
            OUT.printf("  offered %.0f req/s, achieved %.0f req/s; sends late p99 %.1f ms, max %.1f ms%n", reads.offeredRate(),
                    reads.achievedRate(), reads.sendLatenessP99(), reads.sendLatenessMax());

            OUT.println("Baseline: PostgreSQL COPY of the same rows into a scratch database");
            Baselines.Result copy = Baselines.postgresCopy(platform.adminJdbcUrl(), platform.databaseUser(),
                    platform.databasePassword(), corpus);
            OUT.printf("  %.1f s, %.0f articles/s%n", copy.seconds(), copy.articlesPerSecond());
            OUT.println("Baseline: raw Kafka producer, one event per article");
            Baselines.Result kafka = Baselines.kafkaProducer(platform.kafkaBootstrap(), corpus);
            OUT.printf("  %.1f s, %.0f articles/s%n", kafka.seconds(), kafka.articlesPerSecond());

            Map<String, Long> rss = platform.peakRssKb();
            List<String> outOfMemory = platform.outOfMemory();
            platform.servicesAlive().forEach((service, alive) -> {
                if (!alive) {
                    notes.add(service + " was no longer running at the end of the run.");
                }
            });
            if (!platform.isEmbedded()) {
                notes.add("External stack: peak RSS and out-of-memory checks need the service processes and are not reported.");
            }
            IngestScaling scaling = IngestScaling.of(pipeline.applied(), options.articles(), platform.citationInstanceNames(),
                    platform.citationUrls(), rss, assignment, pipeline.samplingErrors());
            if (scaling.instances().size() > 1 && scaling.concurrentIntervals() == 0) {
                notes.add("The citation-service instances never applied events within the same sampling interval.");
            }
            Report report = new Report(options.command(), startedAt, machine, loadAtStart, Machine.loadAverage(), options,
                    platform.isEmbedded(), corpus, pipeline, copy, kafka, freshness, reads, scaling, quality, rss, outOfMemory, notes);
            Path written = report.write(root.resolve(options.out()));
            OUT.println();
            OUT.print(report.markdown());
            return new Run(report, written);
        }
    }

    /** The consumer group's share of the article-events partitions; a failure to read it is a note, not the run's end. */
    private static Settling.Assignment assignment(Settling settling, List<String> notes) {
        try {
            Settling.Assignment assignment = settling.assignment("citation-service", org.scholarly.contract.Topics.ARTICLE_EVENTS);
            if (assignment.partitionsPerMember().stream().anyMatch(held -> held == 0)) {
                notes.add("A citation-service instance held no partition of " + assignment.topic() + " (" + assignment
                        + "): it could not apply anything.");
            }
            return assignment;
        } catch (RuntimeException e) {
            notes.add("The consumer group's partition assignment could not be read: " + e.getMessage());
            return null;
        }
    }
}
