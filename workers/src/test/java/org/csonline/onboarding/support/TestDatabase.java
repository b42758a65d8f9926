package org.csonline.onboarding.support;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A fresh in-memory H2 database with every Flyway migration applied, as the app has it. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static JdbcClient create() {
        return JdbcClient.create(dataSource());
    }

    /** For tests that need transactions as well. */
    public static DataSource dataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }
}
