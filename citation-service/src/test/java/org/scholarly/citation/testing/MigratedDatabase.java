package org.scholarly.citation.testing;

import org.flywaydb.core.Flyway;
import org.scholarly.testsupport.RealInfrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A database of its own on the real PostgreSQL with this service's migrations, for tests below the application. */
public final class MigratedDatabase {

    private final String url;

    private MigratedDatabase(String url) {
        this.url = url;
    }

    public static MigratedDatabase create(String prefix) {
        String url = RealInfrastructure.newDatabase(prefix);
        Flyway.configure().dataSource(url, RealInfrastructure.databaseUser(), RealInfrastructure.databasePassword())
                .locations("classpath:db/migration").load().migrate();
        return new MigratedDatabase(url);
    }

    /** A connection in a transaction of its own (auto-commit off). */
    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, RealInfrastructure.databaseUser(), RealInfrastructure.databasePassword());
        c.setAutoCommit(false);
        return c;
    }
}
