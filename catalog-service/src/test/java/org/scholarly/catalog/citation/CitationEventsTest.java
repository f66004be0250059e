package org.scholarly.catalog.citation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scholarly.catalog.support.Records;
import org.scholarly.contract.CitationCountsChanged;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventContract;
import org.scholarly.contract.EventTypes;
import org.scholarly.contract.ReferenceStatusChanged;
import org.scholarly.contract.Topics;
import org.scholarly.support.kafka.ReliableProducerSettings;
import org.scholarly.testsupport.RealInfrastructure;
import org.scholarly.testsupport.TestTokens;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CitationEventsTest {

    static final String NOTICE = "References for papers published after 2023 are currently being built";
    static KafkaProducer<String, String> producer;

    @BeforeAll
    static void connect() {
        producer = new KafkaProducer<>(ReliableProducerSettings.forStrings(RealInfrastructure.kafkaBootstrapServers(), "citation-test"));
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    static String article() {
        return given().header("Authorization", TestTokens.bearer("ingest")).contentType(ContentType.JSON)
                .body(Records.json(Records.article(Records.uniqueDoi()))).post("/api/v1/articles")
                .then().statusCode(201).extract().jsonPath().getString("id");
    }

    static CloudEvent status(String articleId, String status, long sequence) {
        return EventCodec.newEvent("/citation-service", EventTypes.REFERENCE_STATUS_CHANGED, articleId,
                new ReferenceStatusChanged(UUID.fromString(articleId), status, NOTICE, OffsetDateTime.now(ZoneOffset.UTC), sequence, 2, 1, null));
    }

    static CloudEvent counts(String articleId, long count, long sequence) {
        return EventCodec.newEvent("/citation-service", EventTypes.CITATION_COUNTS_CHANGED, articleId,
                new CitationCountsChanged(UUID.fromString(articleId), count, 0, Map.of("2024", count), OffsetDateTime.now(ZoneOffset.UTC), sequence));
    }

    static void send(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.CITATION_EVENTS, key, value)).get();
    }

    static void send(CloudEvent event) throws Exception {
        String json = EventCodec.toJson(event);
        EventContract.requireValid(json);
        send(event.subject(), json);
    }

    static void awaitArticle(String id, String path, Object value) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().get("/api/v1/articles/" + id).then().statusCode(200).body(path, equalTo(value)));
    }

    @Test
    void keepsReferenceStatusNoticeAndCitationSummaryCurrentAndIgnoresStaleSequences() throws Exception {
        String id = article();

        send(status(id, "BUILDING", 2));
        awaitArticle(id, "referenceStatus.status", "BUILDING");
        given().get("/api/v1/articles/" + id).then().body("referenceStatus.notice", equalTo(NOTICE)).body("version", equalTo(1));

        send(status(id, "BUILT", 1)); // older than what the catalog holds
        send(counts(id, 4, 1));
        awaitArticle(id, "citationSummary.citedByCount", 4);
        given().get("/api/v1/articles/" + id).then().body("referenceStatus.status", equalTo("BUILDING"))
                .body("citationSummary.countsByYear.'2024'", equalTo(4));

        send(counts(id, 3, 1)); // same sequence again: stale
        send(status(id, "PARTIAL", 3));
        awaitArticle(id, "referenceStatus.status", "PARTIAL");
        given().get("/api/v1/articles/" + id).then().body("citationSummary.citedByCount", equalTo(4));
        given().queryParam("referenceStatus", "PARTIAL").queryParam("limit", 100).get("/api/v1/articles")
                .then().body("items.id", org.hamcrest.Matchers.hasItem(id));
    }

    @Test
    void appliesARedeliveredEventOnlyOnce() throws Exception {
        String id = article();
        CloudEvent first = counts(id, 7, 5);
        send(first);
        awaitArticle(id, "citationSummary.citedByCount", 7);

        // Same event id, different content and a newer sequence: a redelivery must still change nothing.
        CloudEvent replay = new CloudEvent(first.specversion(), first.id(), first.source(), first.type(), first.time(),
                first.subject(), first.datacontenttype(), EventCodec.mapper().valueToTree(
                new CitationCountsChanged(UUID.fromString(id), 9, 7, Map.of("2024", 9L), OffsetDateTime.now(ZoneOffset.UTC), 6)));
        send(replay);
        send(status(id, "BUILT", 9));
        awaitArticle(id, "referenceStatus.status", "BUILT");

        given().get("/api/v1/articles/" + id).then().body("citationSummary.citedByCount", equalTo(7));
    }

    @Test
    void deadLettersMalformedEventsAndKeepsConsuming() throws Exception {
        String id = article();
        String poison = "{\"not\": \"a cloud event\", \"marker\": \"" + UUID.randomUUID() + "\"}";
        send(id, poison);
        send(status(id, "FAILED", 1));

        awaitArticle(id, "referenceStatus.status", "FAILED");
        assertThat(deadLetters(poison)).contains(poison);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void deadLettersATombstoneAloneAndAppliesTheRestOfItsPoll() throws Exception {
        String id = article();
        // A lingering producer puts the three records in one batch on one partition, so that they reach the
        // consumer in one poll.
        Map<String, Object> settings = new java.util.HashMap<>(
                ReliableProducerSettings.forStrings(RealInfrastructure.kafkaBootstrapServers(), "citation-test-batched"));
        settings.put(org.apache.kafka.clients.producer.ProducerConfig.LINGER_MS_CONFIG, 500);
        try (KafkaProducer<String, String> batched = new KafkaProducer<>(settings)) {
            batched.send(new ProducerRecord<>(Topics.CITATION_EVENTS, id, EventCodec.toJson(status(id, "BUILT", 1))));
            batched.send(new ProducerRecord<>(Topics.CITATION_EVENTS, id, null));
            batched.send(new ProducerRecord<>(Topics.CITATION_EVENTS, id, EventCodec.toJson(counts(id, 5, 1))));
            batched.flush();
        }

        awaitArticle(id, "citationSummary.citedByCount", 5);
        given().get("/api/v1/articles/" + id).then().body("referenceStatus.status", equalTo("BUILT"));
        // The applied events came after the tombstone on its partition: by now it has been dead-lettered.
        List<ConsumerRecord<String, String>> dead = deadLettersWithKey(id);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isNull();
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("tombstone");
    }

    /** The dead letters with this key, from the beginning of the dead-letter topic to its current end. */
    static List<ConsumerRecord<String, String>> deadLettersWithKey(String key) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(dlqReader())) {
            List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(Topics.CITATION_EVENTS_DEAD_LETTER, Duration.ofSeconds(30))
                    .stream().map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    static Properties dlqReader() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }

    static List<String> deadLetters(String expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.CITATION_EVENTS_DEAD_LETTER));
            long deadline = System.currentTimeMillis() + 20_000;
            while (!values.contains(expected) && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
