package org.scholarly.support.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Deletes the rows of a rule in batches of at most {@code batchSize}, each batch committed on its own, so that a
 * prune never holds locks on more than one batch of rows, and the table stays writable while it runs.
 */
public final class BatchedDelete {

    private BatchedDelete() {
    }

    /** Deletes every row older than {@code cutoff}; returns how many. {@code c} must be in auto-commit mode. */
    public static long run(Connection c, RetentionRule rule, Instant cutoff, int batchSize) throws SQLException {
        // ctid = ANY (ARRAY(subquery)) is planned as a TID scan of the selected rows; the more obvious
        // "ctid IN (subquery)" may be planned as a join that reads the whole table for every batch.
        String sql = "DELETE FROM " + rule.table() + " WHERE ctid = ANY (ARRAY(SELECT ctid FROM " + rule.table()
                + " WHERE " + rule.olderThan() + " LIMIT ?))";
        long deleted = 0;
        try (PreparedStatement delete = c.prepareStatement(sql)) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            delete.setInt(2, batchSize);
            int batch;
            do {
                batch = delete.executeUpdate();
                deleted += batch;
            } while (batch == batchSize);
        }
        return deleted;
    }
}
