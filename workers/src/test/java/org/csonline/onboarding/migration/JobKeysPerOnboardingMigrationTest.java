package org.csonline.onboarding.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.csonline.onboarding.support.Onboardings;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.csonline.onboarding.testdb.DatabaseTest;
import org.csonline.onboarding.testdb.TestDatabases;
import org.csonline.onboarding.testdb.TestDatabases.TestDatabase;

/** V7 keeps every timeline event and notice a V6 database holds, and makes a job once per onboarding. */
@DatabaseTest
class JobKeysPerOnboardingMigrationTest {

    final TestDatabase database = TestDatabases.fresh();
    final JdbcClient jdbc = JdbcClient.create(database.dataSource());

    @Test
    void existingRowsSurviveAndTheSameJobKeyIsOncePerOnboarding() {
        migrateTo("6");
        UUID onboarding = Onboardings.anOnboarding(jdbc, "sam@example.org");
        UUID later = Onboardings.anOnboarding(jdbc, "alex@example.org");
        jdbc.sql("insert into timeline_event (onboarding_id, element_id, phase, job_key, occurred_at) "
                + "values (?, 'Task_SendSetupEmail', 'ENDED', 42, current_timestamp)").param(onboarding).update();
        jdbc.sql("insert into staff_notice (onboarding_id, audience, notice, job_key, created_at) "
                + "values (?, 'caseworker', 'SETUP_CODE_REMINDER', 43, current_timestamp)").param(onboarding).update();
        jdbc.sql("insert into staff_notice (onboarding_id, audience, notice, created_at) "
                + "values (?, 'caseworker', 'ACCESS_DECLINED', current_timestamp)").param(onboarding).update();

        migrateTo("latest");

        assertThat(jdbc.sql("select element_id || ':' || job_key from timeline_event").query(String.class).list())
                .containsExactly("Task_SendSetupEmail:42");
        assertThat(jdbc.sql("select notice || ':' || coalesce(job_key, 0) from staff_notice order by id")
                .query(String.class).list()).containsExactly("SETUP_CODE_REMINDER:43", "ACCESS_DECLINED:0");

        jdbc.sql("insert into timeline_event (onboarding_id, element_id, phase, job_key, occurred_at) "
                + "values (?, 'Task_SendSetupEmail', 'ENDED', 42, current_timestamp)").param(later).update();
        assertThatThrownBy(() -> jdbc.sql("insert into timeline_event (onboarding_id, element_id, phase, job_key, "
                + "occurred_at) values (?, 'Task_SendSetupEmail', 'ENDED', 42, current_timestamp)").param(later).update())
                .isInstanceOf(DuplicateKeyException.class);
        jdbc.sql("insert into staff_notice (onboarding_id, audience, notice, job_key, created_at) "
                + "values (?, 'caseworker', 'SETUP_CODE_REMINDER', 43, current_timestamp)").param(later).update();
        assertThatThrownBy(() -> jdbc.sql("insert into staff_notice (onboarding_id, audience, notice, job_key, "
                + "created_at) values (?, 'caseworker', 'SETUP_CODE_REMINDER', 43, current_timestamp)").param(later)
                .update()).isInstanceOf(DuplicateKeyException.class);
    }

    private void migrateTo(String version) {
        database.migratedTo(version);
    }
}
