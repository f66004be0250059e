package org.scholarly.support.outbox;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventContract;
import org.scholarly.contract.ReferenceBuildFinished;
import org.scholarly.support.kafka.ReliableProducerSettings;
import org.scholarly.testsupport.RealInfrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay's core against a real PostgreSQL database and a real Kafka broker. */
class OutboxPublisherTest {

    private static String jdbcUrl;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void createOutbox() throws SQLException {
        jdbcUrl = RealInfrastructure.newDatabase("outbox_test");
        try (Connection connection = connect(); Statement ddl = connection.createStatement()) {
            ddl.execute("""
                    CREATE TABLE outbox_event (
                        id           BIGSERIAL PRIMARY KEY,
                        topic        TEXT        NOT NULL,
                        event_key    TEXT        NOT NULL,
                        event_id     TEXT        NOT NULL,
                        event_type   TEXT        NOT NULL,
                        payload      TEXT        NOT NULL,
                        created_at   TIMESTAMPTZ NOT NULL DEFAULT now())""");
        }
        producer = new KafkaProducer<>(ReliableProducerSettings.forStrings(RealInfrastructure.kafkaBootstrapServers(), "outbox-test"));
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void publishesARowThatCommitsAfterALaterIdWasAlreadyPublished() throws Exception {
        String topic = "outbox-order-" + UUID.randomUUID();
        OutboxPublisher publisher = new OutboxPublisher(producer, 100);
        try (Connection slow = connect(); Connection fast = connect(); Connection relay = connect()) {
            slow.setAutoCommit(false);
            fast.setAutoCommit(false);
            CloudEvent first = event();
            CloudEvent second = event();
            Outbox.insert(slow, topic, "a", first);   // takes the lower id, commits last
            Outbox.insert(fast, topic, "b", second);
            fast.commit();

            assertThat(publisher.publishBatch(relay, () -> { })).isEqualTo(1);
            slow.commit();
            assertThat(publisher.publishBatch(relay, () -> { })).isEqualTo(1);
            assertThat(publisher.publishBatch(relay, () -> { })).isZero();

            assertThat(consumeIds(topic, 2)).containsExactlyInAnyOrder(first.id(), second.id());
        }
    }

    @Test
    void neverPublishesAnEventWhoseTransactionRolledBack() throws Exception {
        String topic = "outbox-rollback-" + UUID.randomUUID();
        OutboxPublisher publisher = new OutboxPublisher(producer, 100);
        try (Connection writer = connect(); Connection relay = connect()) {
            writer.setAutoCommit(false);
            Outbox.insert(writer, topic, "a", event());
            writer.rollback();
            CloudEvent kept = event();
            Outbox.insert(writer, topic, "a", kept);
            writer.commit();

            assertThat(publisher.publishBatch(relay, () -> { })).isEqualTo(1);
            assertThat(consumeIds(topic, 1)).containsExactly(kept.id());
        }
    }

    @Test
    void keepsTheRowsWhenTheRelayDiesBeforeMarkingThemSent() throws Exception {
        String topic = "outbox-crash-" + UUID.randomUUID();
        OutboxPublisher publisher = new OutboxPublisher(producer, 100);
        try (Connection writer = connect(); Connection relay = connect()) {
            CloudEvent event = event();
            Outbox.insert(writer, topic, "a", event);
            try {
                publisher.publishBatch(relay, () -> { throw new IllegalStateException("crash"); });
            } catch (IllegalStateException expected) {
                // The batch reached Kafka, the deletion did not happen.
            }
            assertThat(publisher.publishBatch(relay, () -> { })).isEqualTo(1);
            // At least once: the same event id twice on the topic, which consumers deduplicate.
            assertThat(consumeIds(topic, 2)).containsExactly(event.id(), event.id());
        }
    }

    @Test
    void publishesEventsThatSatisfyTheContract() throws Exception {
        String topic = "outbox-contract-" + UUID.randomUUID();
        try (Connection writer = connect(); Connection relay = connect()) {
            Outbox.insert(writer, topic, "a", event());
            new OutboxPublisher(producer, 10).publishBatch(relay, () -> { });
            for (ConsumerRecord<String, String> record : consume(topic, 1)) {
                assertThat(EventContract.violations(record.value())).isEmpty();
                assertThat(new String(record.headers().lastHeader("ce_type").value())).isEqualTo("reference-build.finished");
            }
        }
    }

    @Test
    void usesAProducerThatWaitsForAllReplicasAndIsIdempotent() {
        ProducerConfig effective = new ProducerConfig(ReliableProducerSettings.forStrings("localhost:1", "x"));

        assertThat(effective.getString(ProducerConfig.ACKS_CONFIG)).isEqualTo("-1");
        assertThat(effective.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isTrue();
    }

    private static CloudEvent event() {
        UUID build = UUID.randomUUID();
        return EventCodec.newEvent("/citation-service", "reference-build.finished", build.toString(),
                new ReferenceBuildFinished(build, "FINISHED", 1, 1, 0, 3, 0, OffsetDateTime.now()));
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, RealInfrastructure.databaseUser(), RealInfrastructure.databasePassword());
    }

    private static List<String> consumeIds(String topic, int expected) {
        return consume(topic, expected).stream().map(r -> EventCodec.parse(r.value()).id()).toList();
    }

    private static List<ConsumerRecord<String, String>> consume(String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // One more short poll, so that an unexpected extra record would be seen too.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
