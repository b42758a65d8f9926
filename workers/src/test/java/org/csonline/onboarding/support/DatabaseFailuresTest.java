package org.csonline.onboarding.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.UncategorizedSQLException;

class DatabaseFailuresTest {

    @Test
    void aLinkThatBrokeMidStatementIsTheDatabaseAwayNotABug() {
        SQLException eof = new SQLNonTransientException("IO Exception: \"java.io.EOFException\"", "90028", 90028);
        assertThat(DatabaseFailures.isUnreachable(new UncategorizedSQLException("select", "select 1", eof))).isTrue();
        assertThat(DatabaseFailures.isUnreachable(new SQLException("Connection refused", "08001"))).isTrue();
    }

    @Test
    void aWrongStatementIsABug() {
        SQLException syntax = new SQLSyntaxErrorException("Syntax error", "42000", 42000);
        assertThat(DatabaseFailures.isUnreachable(new UncategorizedSQLException("select", "selec 1", syntax)))
                .isFalse();
        assertThat(DatabaseFailures.isUnreachable(new IllegalStateException("no"))).isFalse();
    }
}
