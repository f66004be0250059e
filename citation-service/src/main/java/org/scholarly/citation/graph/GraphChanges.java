package org.scholarly.citation.graph;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/**
 * What each transaction that changes the citation graph could have missed of the others. Transactions run side by
 * side with no lock around the graph (two instances, or a campaign next to the consumer); the one race that matters
 * is a citing article and the work it names committed at the same time, each transaction reading before the other
 * committed. So each records, in its own transaction: its id, the snapshot its first statement read from (nothing
 * it read later is older), the articles whose references it resolved and the articles it made citable. Two
 * transactions can have missed each other only if neither is visible in the other's start snapshot; the
 * {@link ConcurrentChangeReconciler} finds such pairs after both committed and looks again.
 */
public final class GraphChanges {

    private GraphChanges() {
    }

    /** Must be the transaction's first statement: the snapshot every later read of the transaction includes. */
    public static String start(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_current_snapshot()::text AS snapshot");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getString("snapshot");
        }
    }

    public static void record(Connection c, String startSnapshot, Collection<UUID> citing, Collection<UUID> arrivals)
            throws SQLException {
        if (citing.isEmpty() && arrivals.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO graph_change (xid, start_snapshot, citing_ids, arrival_ids)
                VALUES (pg_current_xact_id(), ?::pg_snapshot, ?, ?)""")) {
            s.setString(1, startSnapshot);
            s.setArray(2, c.createArrayOf("uuid", citing.toArray()));
            s.setArray(3, c.createArrayOf("uuid", arrivals.toArray()));
            s.executeUpdate();
        }
    }
}
