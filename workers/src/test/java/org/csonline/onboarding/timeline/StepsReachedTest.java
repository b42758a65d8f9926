package org.csonline.onboarding.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.csonline.onboarding.support.MutableClock;
import org.csonline.onboarding.support.Onboardings;
import org.csonline.onboarding.timeline.TimelineEntry.Phase;
import org.csonline.onboarding.testdb.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dashboard's first time at each step, kept as the timeline records, and filled in for older onboardings. */
class StepsReachedTest {

    final TestDatabases.TestDatabase database = TestDatabases.fresh();
    final JdbcClient jdbc = JdbcClient.create(database.dataSource());
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T09:00:00Z"));

    @Test
    void keepsTheFirstTimeOfEachStepWhateverTheOrderAndRepeats() {
        migrateTo("latest");
        TimelineService timeline = new TimelineService(jdbc, clock);
        UUID onboarding = Onboardings.anOnboarding(jdbc, "sam@example.org");
        timeline.record(onboarding, "Task_SendSetupEmail", Phase.STARTED, 1);
        clock.advance(Duration.ofHours(1));
        timeline.record(onboarding, "UserTask_ConfirmSetupCode", Phase.STARTED, 2);
        timeline.record(onboarding, "Boundary_SetupCodeReminder", Phase.ENDED, 3);
        clock.advance(Duration.ofHours(1));
        timeline.record(onboarding, "Boundary_SetupCodeChecked", Phase.ENDED, 4);
        timeline.record(onboarding, "UserTask_ConfirmSetupCode", Phase.STARTED, 2);

        assertThat(column(onboarding, "reached_1")).isEqualTo(Instant.parse("2026-11-02T09:00:00Z"));
        assertThat(column(onboarding, "reached_2")).as("the first of the step's elements")
                .isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
        assertThat(column(onboarding, "reached_3")).isNull();
        assertThat(column(onboarding, "created_at")).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(jdbc.sql("select count(*) from steps_reached").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void migrationFillsItInForOnboardingsRecordedBefore() {
        migrateTo("7");
        UUID onboarding = Onboardings.anOnboarding(jdbc, "sam@example.org");
        event(onboarding, "Task_SendSetupEmail", "2026-11-02T09:00:00Z");
        event(onboarding, "Boundary_SetupCodeReminder", "2026-11-02T09:30:00Z");
        event(onboarding, "Task_CheckSetupCode", "2026-11-02T11:00:00Z");
        event(onboarding, "UserTask_ConfirmSetupCode", "2026-11-02T09:00:01Z");
        event(onboarding, "EndEvent_AccountActivated", "2026-11-09T09:00:00Z");

        migrateTo("latest");

        assertThat(column(onboarding, "reached_1")).isEqualTo(Instant.parse("2026-11-02T09:00:00Z"));
        assertThat(column(onboarding, "reached_2")).isEqualTo(Instant.parse("2026-11-02T09:00:01Z"));
        assertThat(column(onboarding, "finished")).isEqualTo(Instant.parse("2026-11-09T09:00:00Z"));
        assertThat(column(onboarding, "reached_15")).isNull();
    }

    @Test
    void theMigrationKnowsTheSameElementsAsTheCatalogue() {
        String migration = new String(readMigration(), java.nio.charset.StandardCharsets.UTF_8);
        for (var entry : FunnelSteps.byElement().entrySet()) {
            String column = StepsReached.column(entry.getValue());
            String line = migration.lines().filter(l -> l.contains("'" + entry.getKey() + "'")).findFirst()
                    .orElseThrow(() -> new AssertionError(entry.getKey() + " is not in the backfill"));
            List<String> lines = migration.lines().filter(l -> l.contains("min(case")).toList();
            List<String> columns = migration.lines().filter(l -> l.startsWith("insert into steps_reached")).findFirst()
                    .map(l -> List.of(l.substring(l.indexOf("created_at, ") + 12, l.indexOf(')')).split(", ")))
                    .orElseThrow();
            assertThat(columns.get(lines.indexOf(line))).as(entry.getKey()).isEqualTo(column);
        }
    }

    private byte[] readMigration() {
        try (var in = getClass().getResourceAsStream("/db/migration/V50__caseworker_queue_and_dashboard.sql")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void event(UUID onboarding, String element, String at) {
        jdbc.sql("insert into timeline_event (onboarding_id, element_id, phase, job_key, occurred_at) "
                        + "values (?, ?, 'STARTED', ?, ?)")
                .params(onboarding, element, Math.abs(element.hashCode()), Timestamp.from(Instant.parse(at))).update();
    }

    private Instant column(UUID onboarding, String column) {
        return jdbc.sql("select " + column + " from steps_reached where onboarding_id = ?").param(onboarding)
                .query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).list()
                .getFirst();
    }

    private void migrateTo(String version) {
        database.migratedTo(version);
    }
}
