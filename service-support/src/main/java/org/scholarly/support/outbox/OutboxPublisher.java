package org.scholarly.support.outbox;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Moves outbox rows to Kafka, oldest first. Rows are selected by existence, not by "id greater than the last one
 * sent", so a transaction that commits after a later id was published is still picked up on the next round.
 * A row is deleted only after the broker acknowledged it (acks=all): a crash in between sends it again, and
 * consumers deduplicate by event id.
 */
public final class OutboxPublisher {

    private final Producer<String, String> producer;
    private final int batchSize;

    public OutboxPublisher(Producer<String, String> producer, int batchSize) {
        this.producer = producer;
        this.batchSize = batchSize;
    }

    /** Publishes one batch; returns how many rows it published. Throws when the broker did not acknowledge. */
    public int publishBatch(Connection connection, Runnable afterPublish) throws SQLException, ExecutionException, InterruptedException {
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, topic, event_key, event_id, event_type, payload FROM outbox_event ORDER BY id LIMIT ?")) {
            select.setInt(1, batchSize);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                    ProducerRecord<String, String> record = new ProducerRecord<>(rows.getString(2), rows.getString(3), rows.getString(6));
                    // CloudEvents Kafka binding: ce_ headers let a consumer route or dedupe without parsing the body.
                    record.headers().add(new RecordHeader("ce_id", rows.getString(4).getBytes(StandardCharsets.UTF_8)));
                    record.headers().add(new RecordHeader("ce_type", rows.getString(5).getBytes(StandardCharsets.UTF_8)));
                    sends.add(producer.send(record));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        producer.flush();
        for (Future<RecordMetadata> send : sends) {
            send.get();
        }
        afterPublish.run();
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_event WHERE id = ANY (?)")) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            delete.setArray(1, array);
            delete.executeUpdate();
        }
        return ids.size();
    }
}
