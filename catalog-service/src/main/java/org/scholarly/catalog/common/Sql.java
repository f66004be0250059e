package org.scholarly.catalog.common;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Plain JDBC inside the current transaction, for what JPA says badly: array parameters, advisory locks,
 * conditional counters. Pending entity changes are flushed first, so the SQL sees them.
 */
@ApplicationScoped
public class Sql {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    EntityManager entityManager;

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public <T> T run(Work<T> work) {
        entityManager.flush();
        // Within a JTA transaction Agroal hands out the connection enlisted in it, the one Hibernate uses too.
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Database statement failed: " + e.getMessage(), e);
        }
    }

    /** Serialises writers that might create the same thing (journal, issue, article) until the transaction ends. */
    public void lockKeys(java.util.Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        run(c -> {
            // Sorted, so two transactions locking overlapping sets cannot deadlock.
            try (var statement = c.prepareStatement("SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) "
                    + "FROM (SELECT DISTINCT k FROM unnest(?) AS k ORDER BY k) keys")) {
                statement.setArray(1, c.createArrayOf("text", keys.stream().sorted().toArray()));
                statement.executeQuery().close();
            }
            return null;
        });
    }
}
