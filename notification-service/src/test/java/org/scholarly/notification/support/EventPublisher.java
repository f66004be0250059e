package org.scholarly.notification.support;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.scholarly.contract.ArticleEventData;
import org.scholarly.contract.CitationCountsChanged;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventContract;
import org.scholarly.contract.EventHeaders;
import org.scholarly.contract.EventTypes;
import org.scholarly.contract.ReferenceBuildFinished;
import org.scholarly.contract.ReferenceStatusChanged;
import org.scholarly.contract.Topics;
import org.scholarly.support.kafka.ReliableProducerSettings;
import org.scholarly.testsupport.RealInfrastructure;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Plays catalog-service and citation-service: publishes their events, built from the contract records and checked
 * against the contract schemas, onto the real broker.
 */
public final class EventPublisher implements AutoCloseable {

    /** The seed record: 중앙사론 2015, issue 42, pp. 481-512, by 안치영 (Ahn Chi-Young). */
    public static final String TITLE = "The Sino-Soviet Relation and the Korean War";
    public static final Map<String, String> JOURNAL_TITLES = Map.of("ko", "중앙사론", "en", "Chung-Ang Saron");

    private final KafkaProducer<String, String> producer =
            new KafkaProducer<>(ReliableProducerSettings.forStrings(RealInfrastructure.kafkaBootstrapServers(), "notification-tests"));

    public static ArticleEventData article(UUID articleId, UUID journalId, long version, String status, String previous) {
        return new ArticleEventData(articleId, version, status, previous, false, null, List.of(), Map.of("en", TITLE),
                2015, "ko", new ArticleEventData.Journal(journalId, JOURNAL_TITLES, null, null),
                new ArticleEventData.Issue(2015, null, "42"), "481", "512",
                List.of(new ArticleEventData.Author(1, Map.of("ko", "안치영", "en", "Ahn Chi-Young"), List.of("안", "Ahn"), null)),
                List.of(), "NOT_SUPPLIED", "editor-user");
    }

    public CloudEvent articleCreated(UUID articleId, UUID journalId) {
        return publish(Topics.ARTICLE_EVENTS, articleId.toString(), EventCodec.newEvent("/catalog-service",
                EventTypes.ARTICLE_CREATED, articleId.toString(), article(articleId, journalId, 1, "SUBMITTED", null)));
    }

    public CloudEvent statusChanged(UUID articleId, UUID journalId, long version, String status, String previous) {
        return publish(Topics.ARTICLE_EVENTS, articleId.toString(), EventCodec.newEvent("/catalog-service",
                EventTypes.ARTICLE_STATUS_CHANGED, articleId.toString(), article(articleId, journalId, version, status, previous)));
    }

    public CloudEvent referenceStatus(UUID articleId, String status, long sequence) {
        return publish(Topics.CITATION_EVENTS, articleId.toString(), EventCodec.newEvent("/citation-service",
                EventTypes.REFERENCE_STATUS_CHANGED, articleId.toString(),
                new ReferenceStatusChanged(articleId, status, null, now(), sequence, 34, 30, null)));
    }

    public CloudEvent citationCounts(UUID articleId, long previous, long current, long sequence) {
        return publish(Topics.CITATION_EVENTS, articleId.toString(), EventCodec.newEvent("/citation-service",
                EventTypes.CITATION_COUNTS_CHANGED, articleId.toString(),
                new CitationCountsChanged(articleId, current, previous, current == 0 ? Map.of() : Map.of("2024", current), now(), sequence)));
    }

    public CloudEvent buildFinished(UUID buildId) {
        return publish(Topics.CITATION_EVENTS, buildId.toString(), EventCodec.newEvent("/citation-service",
                EventTypes.REFERENCE_BUILD_FINISHED, buildId.toString(),
                new ReferenceBuildFinished(buildId, "FINISHED", 12, 10, 2, 300, 41, now())));
    }

    public CloudEvent publish(String topic, String key, CloudEvent event) {
        String json = EventCodec.toJson(event);
        EventContract.requireValid(json);
        publishRaw(topic, key, json);
        return event;
    }

    /** As the catalog's relay sends an event written inside a trace: with its traceparent in {@code ce_traceparent}. */
    public CloudEvent publishTraced(String topic, String key, CloudEvent event, String traceparent) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, EventCodec.toJson(event));
        record.headers().add(EventHeaders.TRACEPARENT, traceparent.getBytes(StandardCharsets.US_ASCII));
        send(record);
        return event;
    }

    /** Sends exactly these bytes, as a replay or a misbehaving producer would. */
    public void publishRaw(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    private void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("The broker did not take the record", e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    @Override
    public void close() {
        producer.close();
    }
}
