package org.csonline.onboarding.testdb;

import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A fresh, empty database for one test (or one Spring test context), on the database the build chose: H2 in memory
 * by default, real PostgreSQL when the system property {@value #PROPERTY} is {@code postgresql} (the second Surefire
 * and Failsafe runs set it).
 */
public final class TestDatabases {

    public static final String PROPERTY = "cso.test.database";

    private TestDatabases() {
    }

    public enum Vendor {
        H2("h2"), POSTGRESQL("postgresql");

        /** Spring Boot's name for it, the {vendor} of the Flyway locations. */
        public final String id;

        Vendor(String id) {
            this.id = id;
        }
    }

    /** A database, how to reach it, and where its migrations come from. */
    public record TestDatabase(Vendor vendor, String url, String username, String password, DataSource dataSource) {

        /** The app's Flyway locations (application.yaml) for this database. */
        public String[] migrationLocations() {
            return new String[] {"classpath:db/migration", "classpath:db/vendor/" + vendor.id};
        }

        public TestDatabase migrated() {
            return migratedTo("latest");
        }

        public TestDatabase migratedTo(String version) {
            Flyway.configure().dataSource(dataSource).locations(migrationLocations()).target(version).load().migrate();
            return this;
        }
    }

    public static Vendor chosen() {
        String chosen = System.getProperty(PROPERTY, "h2").strip().toLowerCase(Locale.ROOT);
        return switch (chosen) {
            case "h2", "" -> Vendor.H2;
            case "postgresql" -> Vendor.POSTGRESQL;
            default -> throw new IllegalStateException(PROPERTY + " must be h2 or postgresql, not " + chosen);
        };
    }

    /** An empty database on the chosen vendor, not migrated. */
    public static TestDatabase fresh() {
        return fresh(chosen());
    }

    public static TestDatabase fresh(Vendor vendor) {
        return switch (vendor) {
            case H2 -> h2();
            case POSTGRESQL -> EmbeddedPostgresServer.shared().newDatabase();
        };
    }

    private static TestDatabase h2() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        return new TestDatabase(Vendor.H2, url, "sa", "", dataSource);
    }
}
