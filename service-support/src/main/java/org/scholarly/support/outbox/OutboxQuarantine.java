package org.scholarly.support.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.scholarly.support.paging.Paging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code outbox_quarantine} for operators. The payload is left out: it is what Kafka refused, often
 * megabytes; {@code SELECT payload FROM outbox_quarantine WHERE id = …} fetches it when needed.
 */
@ApplicationScoped
public class OutboxQuarantine {

    /** One quarantined event, as an operator sees it in a listing. */
    public record Entry(long id, String topic, String key, String eventId, String eventType, long payloadBytes,
                        OffsetDateTime createdAt, String reason, OffsetDateTime quarantinedAt) {
    }

    public static final int MAX_PAGE = Paging.MAX_LIMIT;

    @Inject
    AgroalDataSource dataSource;

    /** The page size a caller asked for, within the platform's page limit (more is a 400, as everywhere). */
    public static int pageSize(String requested) {
        return Paging.limit(requested, MAX_PAGE);
    }

    /** The most recently quarantined first. */
    public List<Entry> latest(int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id, topic, event_key, event_id, event_type, octet_length(payload), created_at, reason, quarantined_at "
                             + "FROM outbox_quarantine ORDER BY quarantined_at DESC, id DESC LIMIT ?")) {
            select.setInt(1, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getLong(6), rows.getObject(7, OffsetDateTime.class), rows.getString(8),
                            rows.getObject(9, OffsetDateTime.class)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read outbox_quarantine", e);
        }
    }
}
