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

    /** The same on a plain JDBC connection whose transaction the caller controls (bulk paths, tests). */
    public static void insert(Connection connection, String topic, String key, CloudEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_event (topic, event_key, event_id, event_type, payload) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, topic);
            insert.setString(2, key);
            insert.setString(3, event.id());
            insert.setString(4, event.type());
            insert.setString(5, EventCodec.toJson(event));
            insert.executeUpdate();
        }
        // Delivered at commit, and not at all on rollback; PostgreSQL folds repeats within one transaction.
        try (Statement notify = connection.createStatement()) {
            notify.execute("NOTIFY " + CHANNEL);
        }
    }
}
