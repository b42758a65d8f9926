package org.csonline.onboarding.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride.Override;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.UUID;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

class BrokenConnectionEvictionTest {

    @Test
    void aConnectionTheDriverReportsBrokenLeavesThePoolAStatementErrorDoesNot() {
        BrokenConnectionEviction eviction = new BrokenConnectionEviction();
        assertThat(eviction.adjudicate(new java.sql.SQLNonTransientConnectionException("Database is already closed",
                "90121"))).isEqualTo(Override.MUST_EVICT);
        assertThat(eviction.adjudicate(new java.sql.SQLNonTransientException("IO Exception: java.io.EOFException",
                "90028", 90028))).as("H2's I/O error on a remote connection").isEqualTo(Override.MUST_EVICT);
        assertThat(eviction.adjudicate(new SQLSyntaxErrorException("Syntax error", "42000")))
                .isEqualTo(Override.CONTINUE_EVICT);
    }

    @Test
    void afterTheServerCameBackThePoolHandsOutAWorkingConnectionAtOnce() throws Exception {
        String name = "eviction-" + UUID.randomUUID();
        Server server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        int port = server.getPort();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:tcp://127.0.0.1:" + port + "/mem:" + name + ";DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(2000);
        config.setExceptionOverrideClassName(BrokenConnectionEviction.class.getName());
        try (HikariDataSource pool = new HikariDataSource(config)) {
            assertThat(selectOne(pool)).isTrue();
            server.stop();
            server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists").start();

            assertThat(selectOne(pool)).as("the first use finds the broken connection").isFalse();
            assertThat(selectOne(pool)).as("the next one is new").isTrue();
        } finally {
            server.stop();
        }
    }

    private static boolean selectOne(HikariDataSource pool) {
        try (Connection connection = pool.getConnection()) {
            connection.createStatement().execute("select 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
