package org.scholarly.support.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.support.tracing.Traceparents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;

/**
 * The write side of the transactional outbox. An event appended here commits or rolls back together with the
 * caller's own writes, because it is a row in the same database and the same transaction; {@link OutboxRelay}
 * publishes it to Kafka after the commit. This replaces a dual write, which loses events when the broker is
 * down and emits events for writes that later roll back.
 *
 * <p>Each row keeps the traceparent of the span that wrote it (the request, or the consumer's processing), and the
 * relay sends it along, so that whoever consumes the event continues the same trace.
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
        String traceparent = Traceparents.current();
        appendAll(topic, events, event -> traceparent);
    }

    /**
     * The same, each event with a traceparent of its own: a job that publishes, in one batch, changes that several
     * traced transactions made (the citation counts) keeps each event in the trace that caused it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(String topic, List<CloudEvent> events, Function<CloudEvent, String> traceparentOf) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, topic, events.stream().map(e -> new Row(e.subject(), e, traceparentOf.apply(e))).toList());
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
        insert(connection, topic, List.of(new Row(key, event, Traceparents.current())));
    }

    private record Row(String key, CloudEvent event, String traceparent) {
    }

    private static void insert(Connection connection, String topic, List<Row> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_event (topic, event_key, event_id, event_type, payload, traceparent) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Row row : rows) {
                CloudEvent event = row.event();
                insert.setString(1, topic);
                insert.setString(2, row.key());
                insert.setString(3, event.id());
                insert.setString(4, event.type());
                insert.setString(5, EventCodec.toJson(event));
                insert.setString(6, row.traceparent());
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
