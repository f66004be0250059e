package org.scholarly.notification.support;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the service's own database, to show that a refused request changed nothing. */
public final class Rows {

    private Rows() {
    }

    public static long subscriptionsWithTarget(AgroalDataSource dataSource, String target) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT count(*) FROM subscription WHERE target = ?")) {
            q.setString(1, target);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
