package org.scholarly.support.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The write side of the transactional outbox. An event appended here commits or rolls back together with the
 * caller's own writes, because it is a row in the same database and the same transaction; {@link OutboxRelay}
 * publishes it to Kafka after the commit. This replaces a dual write, which loses events when the broker is
 * down and emits events for writes that later roll back.
 */
@ApplicationScoped
public class Outbox {

    static final String CHANNEL = "outbox_event";

    @Inject
    AgroalDataSource dataSource;

    /** Appends one event; requires the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, String key, CloudEvent event) {
        // The connection is enlisted in the caller's JTA transaction; closing it returns it to the pool at commit.
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, topic, key, event);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not append event " + event.id() + " to the outbox", e);
        }
    }

    /**
     * Appends many events in one JDBC batch (a bulk ingest changes hundreds of articles per transaction), each keyed
     * by its {@code subject}, the entity it is about, so that one entity's events stay in order on one partition.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(String topic, List<CloudEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            insertAll(connection, topic, events);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not append " + events.size() + " events to the outbox", e);
        }
    }

    /**
     * The size in bytes of the record value the relay will send for {@code event}: exactly what is stored in the
     * outbox row, so a service can refuse a write whose event the broker would never accept before writing it.
     */
    public static int serializedBytes(CloudEvent event) {
        return EventCodec.toJson(event).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** The same on a plain JDBC connection whose transaction the caller controls (tests, tools). */
    public static void insert(Connection connection, String topic, String key, CloudEvent event) throws SQLException {
        insert(connection, topic, List.of(Map.entry(key, event)));
    }

    private static void insertAll(Connection connection, String topic, List<CloudEvent> events) throws SQLException {
        insert(connection, topic, events.stream().map(e -> Map.entry(e.subject(), e)).toList());
    }

    private static void insert(Connection connection, String topic, List<Map.Entry<String, CloudEvent>> keyed) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_event (topic, event_key, event_id, event_type, payload) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, CloudEvent> entry : keyed) {
                CloudEvent event = entry.getValue();
                insert.setString(1, topic);
                insert.setString(2, entry.getKey());
                insert.setString(3, event.id());
                insert.setString(4, event.type());
                insert.setString(5, EventCodec.toJson(event));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        // Delivered at commit, and not at all on rollback; one per transaction is enough to wake the relay.
        try (Statement notify = connection.createStatement()) {
            notify.execute("NOTIFY " + CHANNEL);
        }
    }
}
