package org.scholarly.support.outbox;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.scholarly.contract.EventHeaders;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Moves outbox rows to Kafka, oldest first. Rows are selected by existence, not by "id greater than the last one
 * sent", so a transaction that commits after a later id was published is still picked up on the next round.
 * A row is deleted only after the broker acknowledged it (acks=all): a crash in between sends it again, and
 * consumers deduplicate by event id.
 *
 * <p>A row that Kafka refuses for good (too large, invalid: see {@link UnpublishableRecords}) is moved to
 * {@code outbox_quarantine} in the same transaction that deletes it, instead of failing the batch: retrying it
 * could never succeed and would hold back, and re-send, every row behind it forever.
 */
public final class OutboxPublisher {

    /** What one round did: rows acknowledged by the broker and rows moved to the quarantine. */
    public record Round(int published, List<QuarantinedRow> quarantined) {
        /** Rows that left the outbox, which tells the relay whether more may be waiting. */
        public int removed() {
            return published + quarantined.size();
        }
    }

    private record Row(long id, String topic, String key, String eventId, String eventType, int payloadBytes,
                       String traceparent) {
    }

    private final Producer<String, String> producer;
    private final int batchSize;

    public OutboxPublisher(Producer<String, String> producer, int batchSize) {
        this.producer = producer;
        this.batchSize = batchSize;
    }

    /**
     * Publishes one batch. Throws when the broker did not acknowledge a row for a reason that may pass (the rows
     * then stay and are sent again), after moving any row that can never be published to the quarantine.
     */
    public Round publishBatch(Connection connection, Runnable afterPublish) throws SQLException, ExecutionException, InterruptedException {
        List<Row> rows = new ArrayList<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, topic, event_key, event_id, event_type, payload, traceparent FROM outbox_event ORDER BY id LIMIT ?")) {
            select.setInt(1, batchSize);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    String payload = result.getString(6);
                    Row row = new Row(result.getLong(1), result.getString(2), result.getString(3), result.getString(4),
                            result.getString(5), payload.getBytes(StandardCharsets.UTF_8).length, result.getString(7));
                    rows.add(row);
                    sends.add(send(row, payload));
                }
            }
        }
        if (rows.isEmpty()) {
            return new Round(0, List.of());
        }
        producer.flush();
        List<Long> published = new ArrayList<>();
        List<QuarantinedRow> quarantined = new ArrayList<>();
        ExecutionException retriable = null;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            try {
                sends.get(i).get();
                published.add(row.id());
            } catch (ExecutionException e) {
                if (UnpublishableRecords.isUnpublishable(e.getCause())) {
                    quarantined.add(new QuarantinedRow(row.id(), row.topic(), row.key(), row.eventId(), row.eventType(),
                            row.payloadBytes(), UnpublishableRecords.reason(e.getCause())));
                } else if (retriable == null) {
                    retriable = e;
                }
            }
        }
        if (retriable == null && !published.isEmpty()) {
            afterPublish.run();
        }
        // After a passing failure every row stays, as before: the batch goes out again in order, duplicates absorbed.
        remove(connection, retriable == null ? published : List.of(), quarantined);
        if (retriable != null) {
            throw retriable;
        }
        return new Round(published.size(), quarantined);
    }

    private Future<RecordMetadata> send(Row row, String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), payload);
        // CloudEvents Kafka binding: ce_ headers let a consumer route or dedupe without parsing the body.
        record.headers().add(new RecordHeader(EventHeaders.ID, row.eventId().getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader(EventHeaders.TYPE, row.eventType().getBytes(StandardCharsets.UTF_8)));
        if (row.traceparent() != null) {
            // The event's traceparent extension, in the binding's binary form: the consumer continues this trace.
            record.headers().add(new RecordHeader(EventHeaders.TRACEPARENT, row.traceparent().getBytes(StandardCharsets.US_ASCII)));
        }
        try {
            return producer.send(record);
        } catch (KafkaException e) {
            // Serialisation and some size checks throw from send() itself rather than failing the future.
            if (UnpublishableRecords.isUnpublishable(e)) {
                return CompletableFuture.failedFuture(e);
            }
            throw e;
        }
    }

    /** Quarantines and deletes in one transaction: a row is in exactly one of the two tables at any time. */
    private static void remove(Connection connection, List<Long> published, List<QuarantinedRow> quarantined) throws SQLException {
        if (published.isEmpty() && quarantined.isEmpty()) {
            return;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            if (!quarantined.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO outbox_quarantine (id, topic, event_key, event_id, event_type, payload, created_at, traceparent, reason) "
                                + "SELECT id, topic, event_key, event_id, event_type, payload, created_at, traceparent, ? FROM outbox_event WHERE id = ? "
                                + "ON CONFLICT (id) DO NOTHING")) {
                    for (QuarantinedRow row : quarantined) {
                        insert.setString(1, row.reason());
                        insert.setLong(2, row.id());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            List<Long> ids = new ArrayList<>(published);
            quarantined.forEach(row -> ids.add(row.id()));
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_event WHERE id = ANY (?)")) {
                Array array = connection.createArrayOf("bigint", ids.toArray());
                delete.setArray(1, array);
                delete.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
