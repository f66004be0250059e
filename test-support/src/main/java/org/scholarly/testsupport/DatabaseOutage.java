package org.scholarly.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes one database of the real PostgreSQL server away from its application, for real: every connection to it is
 * terminated and new ones are refused ({@code ALLOW_CONNECTIONS false}) until {@link #close()}. The rest of the
 * server, the other tests' databases included, goes on. Needs a superuser, as the test server's {@code postgres}.
 */
public final class DatabaseOutage implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(\\?.*)?");

    private final String adminUrl;
    private final String database;

    private DatabaseOutage(String adminUrl, String database) {
        this.adminUrl = adminUrl;
        this.database = database;
    }

    /** Starts the outage of the database that {@code jdbcUrl} names. */
    public static DatabaseOutage of(String jdbcUrl) {
        Matcher matcher = URL.matcher(jdbcUrl);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL with a plain database name: " + jdbcUrl);
        }
        DatabaseOutage outage = new DatabaseOutage(matcher.group(1) + "postgres", matcher.group(2));
        outage.execute("ALTER DATABASE " + outage.database + " ALLOW_CONNECTIONS false");
        try (Connection admin = outage.connect();
             PreparedStatement terminate = admin.prepareStatement(
                     "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            terminate.setString(1, outage.database);
            terminate.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not terminate the connections to " + outage.database, e);
        }
        return outage;
    }

    /** Ends the outage: the database accepts connections again. */
    @Override
    public void close() {
        execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
    }

    private void execute(String sql) {
        try (Connection admin = connect(); Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(adminUrl, RealInfrastructure.databaseUser(), RealInfrastructure.databasePassword());
    }
}
