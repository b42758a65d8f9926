package org.csonline.onboarding.support;

import javax.sql.DataSource;
import org.csonline.onboarding.testdb.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A fresh database with every Flyway migration applied, as the app has it: in-memory H2, or PostgreSQL on the
 * build's PostgreSQL run ({@link TestDatabases}).
 */
public final class TestDatabase {

    /** The database, and transactions on it for the classes that need them. */
    public record Database(JdbcClient jdbc, Upserts upserts) {
    }

    private TestDatabase() {
    }

    public static JdbcClient create() {
        return open().jdbc();
    }

    public static Database open() {
        DataSource dataSource = dataSource();
        return new Database(JdbcClient.create(dataSource), new Upserts(new DataSourceTransactionManager(dataSource)));
    }

    /** For tests that need transactions of their own as well. */
    public static DataSource dataSource() {
        return TestDatabases.fresh().migrated().dataSource();
    }
}
