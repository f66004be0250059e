package org.scholarly.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What the applied-event sampling of one ingest showed: per citation-service instance the events it applied and its
 * peak RSS, in how many seconds all instances applied at once, the throughput of the whole ingest and of its first
 * and last window, and how the article-events partitions were shared in the consumer group.
 *
 * @param windowSize  events in each window: 20,000, or a fifth of a run under 40,000 articles
 * @param assignment  the topic's partitions and each group member's share, seen right after the ingest; null when
 *                    it could not be read
 */
public record IngestScaling(List<Instance> instances, int samples, int concurrentIntervals, double concurrentSeconds,
                            double activeSeconds, ApplyTimeline.Window overall, long windowSize, ApplyTimeline.Window first,
                            ApplyTimeline.Window last, Settling.Assignment assignment, List<String> samplingErrors) {

    /**
     * One citation-service process: events applied during the ingest, the sampling intervals in which it applied
     * any, and its peak RSS (KiB, -1 unknown) at the end of the run.
     */
    public record Instance(String name, String url, long applied, int advancingIntervals, long peakRssKb) {
    }

    public static IngestScaling of(ApplyTimeline timeline, long articles, List<String> names, List<String> urls,
                                   Map<String, Long> peakRssKb, Settling.Assignment assignment, List<String> samplingErrors) {
        List<Instance> instances = new ArrayList<>();
        List<Long> applied = timeline.appliedPerInstance();
        List<Integer> advancing = timeline.advancingIntervals();
        for (int i = 0; i < applied.size(); i++) {
            instances.add(new Instance(names.get(i), urls.get(i), applied.get(i), advancing.get(i),
                    peakRssKb.getOrDefault(names.get(i), -1L)));
        }
        long window = ApplyTimeline.windowSize(articles);
        return new IngestScaling(instances, timeline.sampleCount(), timeline.concurrentIntervals(), timeline.concurrentSeconds(),
                timeline.activeSeconds(), timeline.overall(), window, timeline.first(window), timeline.last(window), assignment,
                samplingErrors);
    }

    /** Throughput over the last window ÷ over the first. */
    public double lastToFirst() {
        return ApplyTimeline.ratio(first, last);
    }

    public ObjectNode json() {
        ObjectNode node = Api.JSON.createObjectNode();
        node.put("metric", ApplySampler.METRIC + "{channel=\"" + ApplySampler.CHANNEL + "\",outcome=\"applied\"}")
                .put("samples", samples).put("samplePeriodMillis", ApplySampler.PERIOD_MILLIS);
        node.set("instances", Api.JSON.valueToTree(instances));
        node.put("concurrentIntervals", concurrentIntervals).put("concurrentSeconds", concurrentSeconds)
                .put("activeSeconds", activeSeconds);
        node.set("overall", window(overall));
        node.put("windowEvents", windowSize);
        node.set("firstWindow", window(first));
        node.set("lastWindow", window(last));
        node.put("lastToFirstRatio", lastToFirst());
        if (assignment != null) {
            node.set("assignment", Api.JSON.valueToTree(assignment));
        }
        node.set("samplingErrors", Api.JSON.valueToTree(samplingErrors));
        return node;
    }

    private static ObjectNode window(ApplyTimeline.Window window) {
        return Api.JSON.createObjectNode().put("events", window.events()).put("fromSeconds", window.fromSeconds())
                .put("toSeconds", window.toSeconds()).put("seconds", window.seconds()).put("perSecond", window.perSecond());
    }

    /** The report's table rows (name, value). */
    public void rows(BiConsumer<String, String> row) {
        row.accept("citation-service: article events applied/s while applying", String.format(Locale.ROOT,
                "**%s/s** (%,d events in %.1f s, from the first event applied to the last; counter sampled every %d ms)",
                Report.f0(overall.perSecond()), overall.events(), overall.seconds(), ApplySampler.PERIOD_MILLIS));
        row.accept(String.format(Locale.ROOT, "  first %,d events / last %,d events", first.events(), last.events()),
                String.format(Locale.ROOT, "%s/s (%.1f s) / %s/s (%.1f s): last ÷ first **%.2f**", Report.f0(first.perSecond()),
                        first.seconds(), Report.f0(last.perSecond()), last.seconds(), lastToFirst()));
        for (Instance instance : instances) {
            row.accept("  instance " + instance.name(), String.format(Locale.ROOT,
                    "%,d events applied, in %d sampling intervals; peak RSS %s", instance.applied(), instance.advancingIntervals(),
                    instance.peakRssKb() < 0 ? "unknown" : Report.f0(instance.peakRssKb() / 1024.0) + " MB"));
        }
        if (instances.size() > 1) {
            row.accept("  seconds in which every instance applied events", String.format(Locale.ROOT,
                    "%.0f s (%d sampling intervals) of %.0f s in which any did", concurrentSeconds, concurrentIntervals, activeSeconds));
        }
        row.accept("  partitions and consumer group", assignment == null ? "unknown" : assignment.toString());
    }
}
