package org.scholarly.support.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
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
import org.scholarly.contract.EventHeaders;
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
                        created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
                        traceparent  TEXT)""");
            // As in each service's migration.
            ddl.execute("""
                    CREATE TABLE outbox_quarantine (
                        id             BIGINT      PRIMARY KEY,
                        topic          TEXT        NOT NULL,
                        event_key      TEXT        NOT NULL,
                        event_id       TEXT        NOT NULL,
                        event_type     TEXT        NOT NULL,
                        payload        TEXT        NOT NULL,
                        created_at     TIMESTAMPTZ NOT NULL,
                        reason         TEXT        NOT NULL,
                        quarantined_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                        traceparent    TEXT)""");
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

            assertThat(publisher.publishBatch(relay, () -> { }).published()).isEqualTo(1);
            slow.commit();
            assertThat(publisher.publishBatch(relay, () -> { }).published()).isEqualTo(1);
            assertThat(publisher.publishBatch(relay, () -> { }).published()).isZero();

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

            assertThat(publisher.publishBatch(relay, () -> { }).published()).isEqualTo(1);
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
            assertThat(publisher.publishBatch(relay, () -> { }).published()).isEqualTo(1);
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
    void sendsTheTraceparentOfTheWritingSpanAsTheEventsTraceparentHeader() throws Exception {
        String topic = "outbox-trace-" + UUID.randomUUID();
        Span writing = SdkTracerProvider.builder().build().get("test").spanBuilder("POST /api/v1/articles").startSpan();
        try (Connection writer = connect(); Connection relay = connect()) {
            CloudEvent traced = event();
            try (Scope scope = writing.makeCurrent()) {
                Outbox.insert(writer, topic, "a", traced);
            } finally {
                writing.end();
            }
            CloudEvent untraced = event();
            Outbox.insert(writer, topic, "a", untraced);
            new OutboxPublisher(producer, 10).publishBatch(relay, () -> { });

            List<ConsumerRecord<String, String>> records = consume(topic, 2);
            SpanContext span = writing.getSpanContext();
            assertThat(new String(records.get(0).headers().lastHeader(EventHeaders.TRACEPARENT).value()))
                    .isEqualTo("00-" + span.getTraceId() + "-" + span.getSpanId() + "-01");
            assertThat(records.get(1).headers().lastHeader(EventHeaders.TRACEPARENT)).as("written outside of a trace").isNull();
        }
    }

    @Test
    void quarantinesARowTheProducerRefusesAsTooLargeAndPublishesTheRowsBehindIt() throws Exception {
        String topic = "outbox-too-large-" + UUID.randomUUID();
        OutboxPublisher publisher = new OutboxPublisher(producer, 100);
        try (Connection writer = connect(); Connection relay = connect()) {
            CloudEvent before = event();
            Outbox.insert(writer, topic, "a", before);
            long oversized = insertRaw(writer, topic, "a", randomText(1_200_000));   // over the default 1 MB max.request.size
            CloudEvent after = event();
            Outbox.insert(writer, topic, "a", after);

            OutboxPublisher.Round round = publisher.publishBatch(relay, () -> { });

            assertThat(round.published()).isEqualTo(2);
            assertThat(round.quarantined()).singleElement().satisfies(row -> {
                assertThat(row.id()).isEqualTo(oversized);
                assertThat(row.reason()).startsWith("RecordTooLargeException");
            });
            assertThat(count(relay, "SELECT count(*) FROM outbox_event WHERE topic = '" + topic + "'")).isZero();
            assertThat(count(relay, "SELECT count(*) FROM outbox_quarantine WHERE id = " + oversized
                    + " AND reason LIKE 'RecordTooLargeException%' AND length(payload) = 1200000")).isEqualTo(1);
            assertThat(consumeIds(topic, 2)).containsExactly(before.id(), after.id());
            assertThat(publisher.publishBatch(relay, () -> { }).removed()).isZero();
        }
    }

    @Test
    void quarantinesARowTheBrokerItselfRefusesAsTooLarge() throws Exception {
        String topic = "outbox-broker-refuses-" + UUID.randomUUID();
        // A producer that lets 4 MB through, so that the broker's own limit (message.max.bytes, 1 MB) refuses it.
        Map<String, Object> lenient = new java.util.HashMap<>(ReliableProducerSettings.forStrings(
                RealInfrastructure.kafkaBootstrapServers(), "outbox-test-lenient"));
        lenient.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
        try (KafkaProducer<String, String> lenientProducer = new KafkaProducer<>(lenient);
             Connection writer = connect(); Connection relay = connect()) {
            OutboxPublisher publisher = new OutboxPublisher(lenientProducer, 100);
            long oversized = insertRaw(writer, topic, "a", randomText(3_000_000));   // random text: lz4 cannot shrink it under 1 MB
            CloudEvent after = event();
            Outbox.insert(writer, topic, "a", after);

            OutboxPublisher.Round round = publisher.publishBatch(relay, () -> { });

            assertThat(round.quarantined()).extracting(QuarantinedRow::id).containsExactly(oversized);
            assertThat(round.published()).isEqualTo(1);
            assertThat(count(relay, "SELECT count(*) FROM outbox_event WHERE topic = '" + topic + "'")).isZero();
            assertThat(consumeIds(topic, 1)).containsExactly(after.id());
        }
    }

    @Test
    void keepsEveryRowWhileTheBrokerIsUnreachable() throws Exception {
        String topic = "outbox-unreachable-" + UUID.randomUUID();
        Map<String, Object> nowhere = new java.util.HashMap<>(ReliableProducerSettings.forStrings("localhost:1", "outbox-test-nowhere"));
        nowhere.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 500);
        nowhere.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1_500);
        nowhere.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000);
        try (KafkaProducer<String, String> unreachable = new KafkaProducer<>(nowhere);
             Connection writer = connect(); Connection relay = connect()) {
            Outbox.insert(writer, topic, "a", event());
            try {
                new OutboxPublisher(unreachable, 100).publishBatch(relay, () -> { });
            } catch (java.util.concurrent.ExecutionException | org.apache.kafka.common.KafkaException expected) {
                // A passing failure: the relay backs off and tries again.
            }
            assertThat(count(relay, "SELECT count(*) FROM outbox_event WHERE topic = '" + topic + "'")).isEqualTo(1);
            assertThat(count(relay, "SELECT count(*) FROM outbox_quarantine WHERE topic = '" + topic + "'")).isZero();
            unreachable.close(Duration.ZERO);
            // The other tests expect an empty outbox.
            writer.createStatement().execute("DELETE FROM outbox_event WHERE topic = '" + topic + "'");
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

    /** A row written straight into the outbox, past every check a service makes on the way in. */
    private static long insertRaw(Connection connection, String topic, String key, String payload) throws SQLException {
        try (var insert = connection.prepareStatement("INSERT INTO outbox_event (topic, event_key, event_id, event_type, payload) "
                + "VALUES (?, ?, ?, 'article.updated', ?) RETURNING id")) {
            insert.setString(1, topic);
            insert.setString(2, key);
            insert.setString(3, UUID.randomUUID().toString());
            insert.setString(4, payload);
            try (var result = insert.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static String randomText(int length) {
        java.util.Random random = new java.util.Random(42);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('!' + random.nextInt(90)));
        }
        return text.toString();
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
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
