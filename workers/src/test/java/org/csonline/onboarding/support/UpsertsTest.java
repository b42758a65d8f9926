package org.csonline.onboarding.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.csonline.onboarding.testdb.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Insert-or-update without MERGE or ON CONFLICT, on H2 and PostgreSQL alike, also when requests race. */
@DatabaseTest
class UpsertsTest {

    final TestDatabase.Database database = TestDatabase.open();
    final JdbcClient jdbc = database.jdbc();
    final Upserts upserts = database.upserts();

    void put(String key, String value) {
        upserts.updateOrInsert(
                () -> jdbc.sql("update rate_limit_bucket set full_at = cast(? as timestamp with time zone) "
                        + "where bucket_key = ?").params(value, key).update(),
                () -> jdbc.sql("insert into rate_limit_bucket (bucket_key, full_at) "
                        + "values (?, cast(? as timestamp with time zone))").params(key, value).update());
    }

    @Test
    void insertsThenUpdates() {
        put("a", "2026-01-01 00:00:00+00");
        put("a", "2026-02-01 00:00:00+00");
        assertThat(jdbc.sql("select count(*) from rate_limit_bucket").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select extract(month from full_at) from rate_limit_bucket").query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void racingInsertsOfOneKeyLeaveOneRowAndNoError() throws Exception {
        Concurrently.run(16, i -> put("same", "2026-01-01 00:00:00+00"));
        assertThat(jdbc.sql("select count(*) from rate_limit_bucket").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aDuplicateKeyLeavesTheCallersTransactionUsable() {
        jdbc.sql("insert into rate_limit_bucket (bucket_key, full_at) values ('taken', current_timestamp)").update();
        AtomicInteger afterwards = new AtomicInteger();
        upserts.atomically(() -> {
            boolean inserted = upserts.insertIfAbsent(() -> jdbc.sql("insert into rate_limit_bucket "
                    + "(bucket_key, full_at) values ('taken', current_timestamp)").update());
            assertThat(inserted).isFalse();
            // On PostgreSQL this statement fails if the duplicate key aborted the transaction.
            afterwards.set(jdbc.sql("select count(*) from rate_limit_bucket").query(Integer.class).single());
            return null;
        });
        assertThat(afterwards.get()).isEqualTo(1);
    }
}
