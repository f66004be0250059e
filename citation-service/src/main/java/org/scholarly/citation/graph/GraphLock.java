package org.scholarly.citation.graph;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One transaction-scoped advisory lock around every change to the citation graph. Without it, two instances could
 * each miss the other's uncommitted work: one stores a reference that finds no target while the other stores the
 * target and finds no open reference, and the link is never made. Matching is fuzzy, so no finer lock key exists.
 */
public final class GraphLock {

    private static final long KEY = 0x63697465L;

    private GraphLock() {
    }

    public static void acquire(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + KEY + ")");
        }
    }
}
