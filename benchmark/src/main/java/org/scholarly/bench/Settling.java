package org.scholarly.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.scholarly.contract.Topics;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides when every count is final: both outboxes are empty, both consumer groups have committed the end of their
 * topic, and the journal citation totals no longer move. Each check is one observation; {@link #awaitFinal} returns
 * the time of the first observation of the state that then held still.
 */
public final class Settling implements AutoCloseable {

    /** One look at the pipeline. */
    public record Observation(long nanos, double catalogBacklog, double citationBacklog, long citationLag, long catalogLag,
                              long journalCitations) {

        boolean drained() {
            return catalogBacklog == 0 && citationBacklog == 0 && citationLag == 0 && catalogLag == 0;
        }

        boolean sameCounts(Observation other) {
            return Double.compare(catalogBacklog, other.catalogBacklog) == 0 && Double.compare(citationBacklog, other.citationBacklog) == 0
                    && citationLag == other.citationLag && catalogLag == other.catalogLag
                    && journalCitations == other.journalCitations;
        }

        @Override
        public String toString() {
            return "outbox backlog catalog " + (long) catalogBacklog + ", citation " + (long) citationBacklog
                    + "; consumer lag citation-service " + citationLag + ", catalog-service " + catalogLag
                    + "; journal citations " + (journalCitations == UNKNOWN ? "not asked until drained" : journalCitations);
        }
    }

    /** Journal totals not asked for (the pipeline was not drained yet). */
    static final long UNKNOWN = -1;

    private final Api api;
    private final Platform platform;
    private final Admin admin;
    private List<String> journalIds;

    public Settling(Api api, Platform platform) {
        this.api = api;
        this.platform = platform;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap()));
    }

    /**
     * Polls until drained and stable. Gives up only when nothing moved (backlogs, lags and totals all unchanged) for
     * {@code stallMillis}: a slow pipeline is a result to report, a stuck one is not.
     */
    public Observation awaitFinal(long stallMillis, java.util.function.Consumer<Observation> progress) {
        Observation first = null;
        Observation last = null;
        long lastMove = System.nanoTime();
        long lastReport = 0;
        while (System.nanoTime() - lastMove < TimeUnit.MILLISECONDS.toNanos(stallMillis)) {
            Observation now = observe();
            if (now.drained() && first != null && first.drained() && first.journalCitations() == now.journalCitations()) {
                return first;
            }
            // A state counts from its first sighting only while it keeps holding.
            if (first == null || !now.drained() || now.journalCitations() != first.journalCitations() || !first.drained()) {
                first = now;
            }
            if (last == null || !now.sameCounts(last)) {
                lastMove = now.nanos();
            }
            last = now;
            if (now.nanos() - lastReport > TimeUnit.SECONDS.toNanos(10)) {
                progress.accept(now);
                lastReport = now.nanos();
            }
            sleep(1000);
        }
        throw new IllegalStateException("counts stopped moving for " + stallMillis / 1000 + " s before they were final; last seen: " + last);
    }

    public Observation observe() {
        long nanos = System.nanoTime();
        double catalogBacklog = backlog(platform.catalogUrl());
        double citationBacklog = backlog(platform.citationUrl());
        long citationLag = lag("citation-service", Topics.ARTICLE_EVENTS);
        long catalogLag = lag("catalog-service", Topics.CITATION_EVENTS);
        Observation cheap = new Observation(nanos, catalogBacklog, citationBacklog, citationLag, catalogLag, UNKNOWN);
        // One request per journal: asked only once everything else is drained, so that watching does not slow the
        // pipeline it watches.
        return cheap.drained() ? new Observation(nanos, catalogBacklog, citationBacklog, citationLag, catalogLag, journalCitations())
                : cheap;
    }

    private double backlog(String baseUrl) {
        double sum = 0;
        boolean seen = false;
        for (String line : api.text(baseUrl + "/q/metrics").split("\n")) {
            if (line.startsWith("outbox_backlog ") || line.startsWith("outbox_backlog{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                seen = true;
            }
        }
        // An unknown backlog (the gauge answers NaN when its query fails) is never "drained".
        return seen ? sum : Double.NaN;
    }

    /** End offsets of the topic minus the group's committed offsets (a partition it never committed counts whole). */
    long lag(String group, String topic) {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            Map<TopicPartition, OffsetSpec> latest = description.partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get());
            long lag = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        } catch (ExecutionException e) {
            // The topic does not exist before the first event: nothing to consume yet.
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return 0;
            }
            throw new IllegalStateException("consumer lag of " + group + " on " + topic + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * How a topic's partitions were shared in a consumer group at one moment.
     *
     * @param partitionsPerMember partitions of the topic each member held, largest first
     */
    public record Assignment(String topic, int partitions, String group, List<Integer> partitionsPerMember) {

        @Override
        public String toString() {
            return topic + ": " + partitions + " partitions; group " + group + ": " + partitionsPerMember.size()
                    + " members holding " + partitionsPerMember.stream().map(String::valueOf).collect(Collectors.joining(" + "));
        }
    }

    /** The topic's partition count and the share each live member of {@code group} holds of it. */
    public Assignment assignment(String group, String topic) {
        try {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            List<Integer> perMember = admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
                    .map(member -> (int) member.assignment().topicPartitions().stream().filter(p -> p.topic().equals(topic)).count())
                    .sorted(java.util.Comparator.reverseOrder())
                    .toList();
            return new Assignment(topic, partitions, group, perMember);
        } catch (ExecutionException e) {
            throw new IllegalStateException("assignment of " + group + " on " + topic + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sum of the citation-service's per-journal totals over every journal the catalog lists. */
    long journalCitations() {
        if (journalIds == null) {
            journalIds = listAll(platform.catalogUrl() + "/api/v1/journals", item -> item.path("id").asText());
        }
        long total = 0;
        for (String id : journalIds) {
            try {
                total += api.get(platform.citationUrl() + "/api/v1/citations/journals/" + id).path("citedByCount").asLong();
            } catch (Api.Failure e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
        }
        return total;
    }

    /** Every item of a cursor-paged catalog listing, 100 at a time. */
    <T> List<T> listAll(String url, Function<JsonNode, T> item) {
        List<T> items = new ArrayList<>();
        String cursor = null;
        do {
            String page = url + (url.contains("?") ? "&" : "?") + "limit=100"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode answer = api.get(page);
            answer.path("items").forEach(node -> items.add(item.apply(node)));
            cursor = answer.hasNonNull("nextCursor") ? answer.get("nextCursor").asText() : null;
        } while (cursor != null);
        return items;
    }

    /** Forget the journal list (journals created after the first look would otherwise be missed). */
    public void refreshJournals() {
        journalIds = null;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
