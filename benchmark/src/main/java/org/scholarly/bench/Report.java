package org.scholarly.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Everything one run measured, written as JSON and as the Markdown table the README shows. */
public record Report(String command, Instant startedAt, Machine machine, String loadAtStart, String loadAtEnd,
                     BenchmarkOptions options, boolean embedded, CorpusFiles corpus, PipelineRun.Result pipeline,
                     Baselines.Result copy, Baselines.Result kafka, FreshnessRun.Result freshness,
                     ReadLatencyRun.Result reads, IngestScaling scaling, ResolutionQuality.Result quality,
                     Map<String, Long> peakRssKb,
                     List<String> outOfMemory, List<String> notes) {

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    public double copyRatio() {
        return pipeline.articlesPerSecond() / copy.articlesPerSecond();
    }

    public double kafkaRatio() {
        return pipeline.articlesPerSecond() / kafka.articlesPerSecond();
    }

    /** Writes {@code <stamp>-<N>.json} and {@code .md} and copies the Markdown to {@code latest.md}; returns the .md. */
    public Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        String name = STAMP.format(startedAt) + "-" + options.articles();
        Path json = directory.resolve(name + ".json");
        Path markdown = directory.resolve(name + ".md");
        Files.writeString(json, Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json()) + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(markdown, markdown(), StandardCharsets.UTF_8);
        Files.copy(markdown, directory.resolve("latest.md"), StandardCopyOption.REPLACE_EXISTING);
        return markdown;
    }

    public ObjectNode json() {
        ObjectNode root = Api.JSON.createObjectNode();
        root.put("command", command);
        root.put("startedAt", startedAt.toString());
        root.set("machine", Api.JSON.valueToTree(machine));
        root.put("loadAverageAtStart", loadAtStart);
        root.put("loadAverageAtEnd", loadAtEnd);
        ObjectNode settings = root.putObject("settings");
        settings.put("articles", options.articles()).put("journals", options.journals()).put("seed", options.seed())
                .put("references", corpus.references()).put("ndjsonBytes", corpus.ndjsonBytes()).put("embeddedStack", embedded)
                .put("citationInstances", options.citationInstances()).put("readRatePerEndpoint", options.readRate())
                .put("readSeconds", options.readDuration().toMillis() / 1000.0);
        ObjectNode p = root.putObject("pipeline");
        p.put("acceptedSeconds", pipeline.acceptedSeconds()).put("jobSeconds", pipeline.jobSeconds())
                .put("finalSeconds", pipeline.finalSeconds()).put("articlesPerSecond", pipeline.articlesPerSecond())
                .put("referencesPerSecond", pipeline.referencesPerSecond());
        p.set("job", pipeline.job());
        p.put("settled", pipeline.settled().toString());
        root.set("citationApply", scaling.json());
        root.set("copyBaseline", baseline(copy));
        root.set("kafkaBaseline", baseline(kafka));
        root.put("pipelineToCopyRatio", copyRatio()).put("pipelineToKafkaRatio", kafkaRatio());
        root.set("freshness", Api.JSON.valueToTree(freshness));
        root.set("reads", Api.JSON.valueToTree(reads));
        ObjectNode q = root.putObject("resolution");
        q.put("sampledArticles", quality.articles()).put("absentArticles", quality.absent());
        q.set("all", tally(quality.score().all()));
        for (CorpusGenerator.Kind kind : CorpusGenerator.Kind.values()) {
            q.set(kind.name(), tally(quality.score().of(kind)));
        }
        ObjectNode noisy = q.putObject("noisy");
        noisy.set("all", tally(quality.score().noisy()));
        for (ReferenceNoise.Noise noise : ReferenceNoise.KINDS) {
            noisy.set(noise.name(), tally(quality.score().of(noise)));
        }
        root.set("peakRssKb", Api.JSON.valueToTree(peakRssKb));
        root.set("outOfMemory", Api.JSON.valueToTree(outOfMemory));
        root.set("notes", Api.JSON.valueToTree(notes));
        return root;
    }

    private static ObjectNode baseline(Baselines.Result result) {
        return Api.JSON.createObjectNode().put("seconds", result.seconds()).put("articlesPerSecond", result.articlesPerSecond())
                .put("referencesPerSecond", result.referencesPerSecond());
    }

    private static ObjectNode tally(LinkScore.Tally tally) {
        ObjectNode node = Api.JSON.valueToTree(tally);
        return node.put("precision", tally.precision()).put("recall", tally.recall());
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("## Benchmark: ").append(String.format(Locale.ROOT, "%,d", options.articles())).append(" articles, ")
                .append(options.journals()).append(" journals, seed ").append(options.seed()).append(", ")
                .append(options.citationInstances()).append(options.citationInstances() == 1 ? " citation-service instance"
                        : " citation-service instances").append("\n\n");
        md.append("Command: `").append(command).append("` (started ").append(startedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .append(", ").append(embedded ? "embedded stack on free ports" : "external stack").append(")\n\n");
        md.append("Machine: ").append(machine.cores()).append(" cores (").append(machine.cpu()).append("), ")
                .append(String.format(Locale.ROOT, "%,d", machine.memoryMb())).append(" MB memory, ").append(machine.jdk())
                .append(", ").append(machine.os()).append(". Load average (1/5/15 min) at start ").append(loadAtStart)
                .append(", at end ").append(loadAtEnd).append(" — the machine is shared, other work ran beside this run.\n\n");
        md.append("Corpus: ").append(String.format(Locale.ROOT, "%,d", corpus.articles())).append(" articles, ")
                .append(String.format(Locale.ROOT, "%,d", corpus.references())).append(" references, ")
                .append(String.format(Locale.ROOT, "%.1f", corpus.ndjsonBytes() / 1048576.0)).append(" MiB of NDJSON.\n\n");
        md.append("| measure | value |\n| --- | --- |\n");
        row(md, "pipeline ingest, first byte → every count final", f1(pipeline.finalSeconds()) + " s: **"
                + f0(pipeline.articlesPerSecond()) + " articles/s**, " + f0(pipeline.referencesPerSecond()) + " references/s");
        row(md, "  of which: body accepted (202) / job finished", f1(pipeline.acceptedSeconds()) + " s / " + f1(pipeline.jobSeconds()) + " s");
        scaling.rows((name, value) -> row(md, name, value));
        row(md, "baseline: PostgreSQL COPY of the same rows", f1(copy.seconds()) + " s: " + f0(copy.articlesPerSecond())
                + " articles/s, " + f0(copy.referencesPerSecond()) + " references/s");
        row(md, "baseline: raw Kafka producer, one event per article", f1(kafka.seconds()) + " s: " + f0(kafka.articlesPerSecond())
                + " articles/s");
        row(md, "pipeline ÷ COPY", String.format(Locale.ROOT, "%.4f (%.0f× slower)", copyRatio(), 1 / copyRatio()));
        row(md, "pipeline ÷ Kafka producer", String.format(Locale.ROOT, "%.4f (%.0f× slower)", kafkaRatio(), 1 / kafkaRatio()));
        row(md, "freshness: ack → cited count shows it (p50 / p95 / p99 / max)", ms(freshness.p50()) + " / " + ms(freshness.p95())
                + " / " + ms(freshness.p99()) + " / " + ms(freshness.max()));
        row(md, "  load and sample", f1(freshness.rate()) + " writes/s for " + f0(freshness.seconds()) + " s; " + freshness.seen()
                + " of " + freshness.sent() + " seen, " + freshness.missing() + " not seen within "
                + FreshnessRun.GIVE_UP_MILLIS / 1000 + " s, " + freshness.failedWrites() + " writes failed; polled every "
                + freshness.pollMillis() + " ms");
        for (ReadLatencyRun.Endpoint read : reads.endpoints()) {
            row(md, "read `" + read.name() + "` p50 / p99 / max", ms2(read.p50()) + " / " + ms2(read.p99()) + " / " + ms(read.max())
                    + " at " + f0(read.rate()) + " req/s open loop (" + read.requests() + " requests, " + read.errors() + " errors)");
        }
        row(md, "  read load generator", String.format(Locale.ROOT, "offered %s req/s in all, achieved %s req/s; sends late "
                        + "against schedule p99 %s, max %s (counted in the latencies, which run from the due time); "
                        + "at most %d requests in flight per service, a wait for a free one counted too; "
                        + "%.0f s warm-up at the same rate not counted", f0(reads.offeredRate()), f0(reads.achievedRate()),
                ms2(reads.sendLatenessP99()), ms2(reads.sendLatenessMax()), OpenLoop.CONNECTIONS, reads.warmUpSeconds()));
        peakRssKb.forEach((service, kb) -> row(md, "peak RSS (VmHWM) " + service, kb < 0 ? "unknown" : f0(kb / 1024.0) + " MB"));
        row(md, "out of memory", outOfMemory.isEmpty() ? "none" : String.join(", ", outOfMemory));
        md.append("\nReference resolution against the ground truth (").append(quality.articles())
                .append(" sampled citing articles; precision = correct links / links made, recall = correct links / references "
                        + "whose target is in the corpus):\n\n");
        md.append("| kind | references | target in corpus | links made | correct | precision | recall |\n"
                + "| --- | --- | --- | --- | --- | --- | --- |\n");
        qualityRow(md, "all", quality.score().all());
        for (CorpusGenerator.Kind kind : CorpusGenerator.Kind.values()) {
            qualityRow(md, kind.name(), quality.score().of(kind));
        }
        qualityRow(md, "noisy (one noise each, no DOI)", quality.score().noisy());
        for (ReferenceNoise.Noise noise : ReferenceNoise.KINDS) {
            qualityRow(md, "  noisy: " + noise.name(), quality.score().of(noise));
        }
        if (!notes.isEmpty()) {
            md.append("\nNotes:\n\n");
            notes.forEach(note -> md.append("- ").append(note).append("\n"));
        }
        return md.toString();
    }

    private static void qualityRow(StringBuilder md, String name, LinkScore.Tally t) {
        md.append("| ").append(name).append(" | ").append(t.references()).append(" | ").append(t.inCorpus()).append(" | ")
                .append(t.linked()).append(" | ").append(t.correct()).append(" | ").append(pct(t.precision())).append(" | ")
                .append(pct(t.recall())).append(" |\n");
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    /** Whole numbers, but a figure below 100 keeps one decimal: "2 articles/s" would hide a factor of two. */
    static String f0(double value) {
        return String.format(Locale.ROOT, Math.abs(value) < 100 ? "%,.1f" : "%,.0f", value);
    }

    private static String f1(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f ms", value);
    }

    /** Latencies a target is set for in tens of milliseconds keep a decimal. */
    private static String ms2(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.1f ms", value);
    }

    private static String pct(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f %%", value * 100);
    }
}
