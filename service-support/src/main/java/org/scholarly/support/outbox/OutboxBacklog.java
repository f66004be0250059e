package org.scholarly.support.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What the outbox still holds; read by the metrics and by the fault-drill audit. */
@ApplicationScoped
public class OutboxBacklog {

    @Inject
    AgroalDataSource dataSource;

    public double count() {
        return query("SELECT count(*) FROM outbox_event");
    }

    public double oldestAgeSeconds() {
        return query("SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0) FROM outbox_event");
    }

    /** Rows the relay moved aside because Kafka refused them for good; they stay until an operator acts. */
    public double quarantined() {
        return query("SELECT count(*) FROM outbox_quarantine");
    }

    private double query(String sql) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getDouble(1);
        } catch (SQLException e) {
            // A metric must not fail the scrape; NaN tells the reader the value is unknown right now.
            return Double.NaN;
        }
    }
}
