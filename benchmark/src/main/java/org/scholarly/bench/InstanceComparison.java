package org.scholarly.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code --compare-instances}: the same corpus on two fresh stacks, one and then two citation-service instances, and
 * the combined throughput of two ÷ that of one, end to end (first byte → every count final) and for the
 * citation-service's own applying (first event applied → last).
 */
public record InstanceComparison(String command, Report one, Report two) {

    public double endToEndRatio() {
        return ratio(two.pipeline().articlesPerSecond(), one.pipeline().articlesPerSecond());
    }

    public double applyRatio() {
        return ratio(two.scaling().overall().perSecond(), one.scaling().overall().perSecond());
    }

    static double ratio(double two, double one) {
        return one > 0 ? two / one : Double.NaN;
    }

    /** Writes {@code <stamp>-<N>-instances.json} and {@code .md} beside the two runs' reports; returns the .md. */
    public Path write(Path directory, Path oneMarkdown, Path twoMarkdown) throws IOException {
        Files.createDirectories(directory);
        String name = Report.STAMP.format(one.startedAt()) + "-" + one.options().articles() + "-instances";
        ObjectNode json = Api.JSON.createObjectNode();
        json.put("command", command).put("oneInstanceReport", oneMarkdown.getFileName().toString())
                .put("twoInstancesReport", twoMarkdown.getFileName().toString())
                .put("oneInstanceArticlesPerSecond", one.pipeline().articlesPerSecond())
                .put("twoInstancesArticlesPerSecond", two.pipeline().articlesPerSecond())
                .put("endToEndRatio", endToEndRatio())
                .put("oneInstanceAppliedPerSecond", one.scaling().overall().perSecond())
                .put("twoInstancesAppliedPerSecond", two.scaling().overall().perSecond())
                .put("applyRatio", applyRatio())
                .put("twoInstancesConcurrentSeconds", two.scaling().concurrentSeconds())
                .put("twoInstancesActiveSeconds", two.scaling().activeSeconds());
        Files.writeString(directory.resolve(name + ".json"),
                Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
        Path markdown = directory.resolve(name + ".md");
        Files.writeString(markdown, markdown() + "\nThe two runs: " + oneMarkdown.getFileName() + ", " + twoMarkdown.getFileName()
                + "\n", StandardCharsets.UTF_8);
        return markdown;
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("## One citation-service instance against two: ").append(String.format(Locale.ROOT, "%,d", one.options().articles()))
                .append(" articles, seed ").append(one.options().seed()).append("\n\n");
        md.append("Command: `").append(command).append("`; ").append(one.machine().cores())
                .append(" cores; each run on a fresh stack with the same corpus.\n\n");
        md.append("| measure | 1 instance | 2 instances | 2 ÷ 1 |\n| --- | --- | --- | --- |\n");
        md.append(String.format(Locale.ROOT, "| pipeline, first byte → every count final | %s articles/s | %s articles/s | **%.2f** |%n",
                Report.f0(one.pipeline().articlesPerSecond()), Report.f0(two.pipeline().articlesPerSecond()), endToEndRatio()));
        md.append(String.format(Locale.ROOT, "| citation-service, events applied/s (first → last applied) | %s/s | %s/s | **%.2f** |%n",
                Report.f0(one.scaling().overall().perSecond()), Report.f0(two.scaling().overall().perSecond()), applyRatio()));
        md.append(String.format(Locale.ROOT, "| seconds in which every instance applied events | — | %.0f of %.0f | |%n",
                two.scaling().concurrentSeconds(), two.scaling().activeSeconds()));
        md.append(String.format(Locale.ROOT, "| load average (1/5/15 min) at start | %s | %s | |%n", one.loadAtStart(), two.loadAtStart()));
        return md.toString();
    }
}
