package org.csonline.onboarding.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.csonline.onboarding.calendar.WorkingDays;
import org.csonline.onboarding.dashboard.Dashboard.StepCount;
import org.csonline.onboarding.dashboard.Dashboard.StepTime;
import java.util.concurrent.atomic.AtomicReference;
import org.csonline.onboarding.process.ProcessProperties;
import org.csonline.onboarding.timeline.TimelineEntry;
import org.csonline.onboarding.timeline.TimelineService;
import org.csonline.onboarding.testdb.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's figures from a small, known history in a real database with every migration: three onboardings
 * in the last four weeks (one activated, one waiting for its setup code, one expired) and one older.
 */
class DashboardServiceTest {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    JdbcClient jdbc;
    TimelineService timeline;
    final AtomicReference<Instant> clock = new AtomicReference<>(NOW);
    DashboardService service;
    UUID activated;
    UUID waiting;
    UUID expired;

    @BeforeEach
    void history() {
        jdbc = JdbcClient.create(TestDatabases.fresh().migrated().dataSource());
        timeline = new TimelineService(jdbc, new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock.get();
            }
        });
        ProcessProperties timing = new ProcessProperties(Duration.ofDays(2), Duration.ofDays(28), Duration.ofDays(3),
                Duration.ofHours(1), Duration.ofDays(3), Duration.ofDays(7), Duration.ofHours(24));
        service = new DashboardService(new DashboardQueries(jdbc), new WorkingDays(), timing,
                Clock.fixed(NOW, ZoneOffset.UTC));

        activated = onboarding("2026-11-20T09:00:00Z", "COMPLETED", null);
        events(activated, "Task_SendSetupEmail@2026-11-20T09:00:00Z", "UserTask_ConfirmSetupCode@2026-11-20T09:00:01Z",
                "Task_PlanInvitationRelease@2026-11-20T13:00:01Z", "Timer_InvitationRelease@2026-11-20T13:00:02Z",
                "Task_SendInvitationEmail@2026-11-24T13:00:00Z", "Event_EmailCodeRequested@2026-11-25T09:00:00Z",
                "Task_SendEmailCode@2026-11-25T09:00:01Z", "Event_EmailVerified@2026-11-25T09:05:00Z",
                "Event_AccountDetailsSubmitted@2026-11-25T09:10:00Z", "Task_CreateAccount@2026-11-25T09:10:01Z",
                "Event_PhoneCodeRequested@2026-11-25T09:12:00Z", "Event_PhoneCodeVerified@2026-11-25T09:14:00Z",
                "Event_RecordConfirmationSubmitted@2026-11-25T09:20:00Z",
                "UserTask_ReviewAccess@2026-11-25T09:20:01Z", "Boundary_AccessReviewOverdue@2026-11-25T10:00:00Z",
                "EndEvent_AccountActivated@2026-11-26T10:00:00Z");
        setupCode(activated, "2026-11-20T09:00:00Z", "2026-11-20T13:00:00Z");
        invitation(activated, "2026-11-24T13:00:00Z", "2026-11-25T08:55:00Z");
        jdbc.sql("insert into access_request (onboarding_id, account_id, submitted_at, decision, decided_at) "
                        + "values (?, ?, ?, 'APPROVED', ?)")
                .params(activated, UUID.randomUUID(), ts("2026-11-25T09:20:00Z"), ts("2026-11-26T10:00:00Z")).update();

        waiting = onboarding("2026-11-24T10:00:00Z", "IN_PROGRESS", null);
        events(waiting, "Task_SendSetupEmail@2026-11-24T10:00:00Z", "UserTask_ConfirmSetupCode@2026-11-24T10:00:01Z");
        setupCode(waiting, "2026-11-24T10:00:00Z", null);

        expired = onboarding("2026-11-10T09:00:00Z", "CANCELLED", "INVITATION_EXPIRED");
        events(expired, "Task_SendSetupEmail@2026-11-10T09:00:00Z", "UserTask_ConfirmSetupCode@2026-11-10T09:00:01Z",
                "Task_PlanInvitationRelease@2026-11-10T11:00:01Z", "Task_SendInvitationEmail@2026-11-12T09:00:00Z",
                "Boundary_InvitationExpired@2026-12-10T09:00:00Z", "EndEvent_OnboardingCancelled@2026-12-10T09:00:01Z");
        setupCode(expired, "2026-11-10T09:00:00Z", "2026-11-10T11:00:00Z");
        invitation(expired, "2026-11-12T09:00:00Z", null);

        UUID older = onboarding("2026-10-01T09:00:00Z", "COMPLETED", null);
        events(older, "Task_SendSetupEmail@2026-10-01T09:00:00Z");
    }

    @Test
    void funnelCountsTheOnboardingsOfThePeriodThatReachedEachStep() {
        Dashboard d = service.dashboard(4);
        assertThat(d.funnel()).hasSize(15);
        assertThat(d.funnel().stream().map(StepCount::onboardings))
                .containsExactly(3L, 3L, 2L, 0L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L);
        assertThat(d.funnel().get(4).recordedWith()).as("step 5 has no element of its own").isEqualTo(6);
        assertThat(service.dashboard(13).funnel().getFirst().onboardings()).as("13 weeks reach October").isEqualTo(4);
    }

    @Test
    void outcomesSayWhereOnboardingsEnded() {
        assertThat(service.dashboard(4).outcomes()).contains(new Dashboard.Outcome("COMPLETED", 1),
                new Dashboard.Outcome("IN_PROGRESS", 1), new Dashboard.Outcome("EXPIRED.INVITATION_EXPIRED", 1),
                new Dashboard.Outcome("DECLINED", 0));
    }

    @Test
    void stepTimesRunToTheNextStepAndCallOutTheWaitsOnPeople() {
        Dashboard d = service.dashboard(4);
        StepTime confirm = step(d, 2);
        assertThat(confirm.waitsOnPeople()).isTrue();
        assertThat(confirm.time().count()).as("the waiting onboarding has not gone on").isEqualTo(2);
        assertThat(confirm.time().median()).isEqualTo(Duration.ofHours(2));
        assertThat(confirm.time().p90()).isEqualTo(Duration.ofHours(4));
        StepTime review = step(d, 15);
        assertThat(review.waitsOnPeople()).isTrue();
        assertThat(review.time().median()).as("review to activation; the overdue reminder beside it is ignored")
                .isEqualTo(Duration.between(Instant.parse("2026-11-25T09:20:01Z"), Instant.parse("2026-11-26T10:00:00Z")));
        assertThat(step(d, 9).waitsOnPeople()).isFalse();
        assertThat(d.stepTimes()).extracting(StepTime::step).doesNotContain(5, 8, 13);
    }

    @Test
    void waitsOnPeopleComeFromOurOwnTables() {
        Dashboard d = service.dashboard(4);
        assertThat(d.peopleWaits().get(0).time().median()).as("caseworker").isEqualTo(Duration.ofHours(2));
        assertThat(d.peopleWaits().get(1).time().count()).as("invitations used").isEqualTo(1);
        assertThat(d.peopleWaits().get(1).time().median()).isEqualTo(Duration.ofHours(19).plusMinutes(55));
        assertThat(d.peopleWaits().get(2).time().median()).isEqualTo(Duration.ofHours(24).plusMinutes(40));
    }

    @Test
    void promisesKeptAndTodaysOverdueItems() {
        Dashboard d = service.dashboard(4);
        assertThat(d.promises()).isEqualTo(new Dashboard.Promises(1, 1, 2, 1));
        assertThat(d.promises().reviewsInTimePercent()).isEqualTo(100);
        assertThat(d.promises().invitationsBeforeReminderPercent()).isEqualTo(50);
        assertThat(d.overdue()).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo("SETUP_CODE");
            assertThat(item.onboardingId()).isEqualTo(waiting);
            assertThat(item.due()).as("3 working days after Tuesday").isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
        });
    }

    @Test
    void weeklyTrendCountsStartedAndActivatedByWeekFromMonday() {
        Dashboard d = service.dashboard(4);
        assertThat(d.weeks()).hasSize(12);
        assertThat(d.weeks().getLast().weekStart()).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(week(d, "2026-11-16")).isEqualTo(new Dashboard.WeekCount(LocalDate.parse("2026-11-16"), 1, 0));
        assertThat(week(d, "2026-11-23")).isEqualTo(new Dashboard.WeekCount(LocalDate.parse("2026-11-23"), 1, 1));
        assertThat(week(d, "2026-09-28").started()).isEqualTo(1);
        assertThat(d.weeks().stream().mapToLong(Dashboard.WeekCount::started).sum()).isEqualTo(4);
    }

    @Test
    void csvHoldsTheSameFigures() {
        Dashboard d = service.dashboard(4);
        String csv = DashboardCsv.of(d, new org.csonline.onboarding.web.Messages(messages()));
        assertThat(csv).startsWith("section,item,measure,value\r\n")
                .contains("funnel,1. Setup email sent,onboardings,3\r\n")
                .contains("outcome,Account active,onboardings,1\r\n")
                .contains("time at step,2. Caseworker confirms the setup code,median hours,2.00\r\n")
                .contains("weekly trend,2026-11-23,activated,1\r\n")
                .doesNotContain("Record", "@");
        assertThat(DashboardCsv.quote("=cmd()")).isEqualTo("\"'=cmd()\"");
        assertThat(DashboardCsv.quote("a, b")).isEqualTo("\"a, b\"");
    }

    static org.springframework.context.support.ResourceBundleMessageSource messages() {
        var source = new org.springframework.context.support.ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private static StepTime step(Dashboard d, int step) {
        return d.stepTimes().stream().filter(t -> t.step() == step).findFirst().orElseThrow();
    }

    private static Dashboard.WeekCount week(Dashboard d, String monday) {
        return d.weeks().stream().filter(w -> w.weekStart().equals(LocalDate.parse(monday))).findFirst().orElseThrow();
    }

    private UUID onboarding(String created, String status, String reason) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into onboarding (id, applicant_email, record_reference, record_name, caseworker, status, "
                        + "cancellation_reason, created_at, updated_at) values (?, 'a@example.org', 'CR-1', 'Riley', "
                        + "'caseworker', ?, ?, ?, ?)")
                .params(id, status, reason, ts(created), ts(created)).update();
        return id;
    }

    private long jobKey;

    /** Each "Element@time" recorded by the timeline as its start listener would, at that time. */
    private void events(UUID onboarding, String... events) {
        for (String event : events) {
            String[] parts = event.split("@");
            clock.set(Instant.parse(parts[1]));
            timeline.record(onboarding, parts[0], TimelineEntry.Phase.STARTED, ++jobKey);
        }
        clock.set(NOW);
    }

    private void setupCode(UUID onboarding, String created, String confirmed) {
        jdbc.sql("insert into setup_code (onboarding_id, code_hash, created_at, confirmed_at) values (?, 'x', ?, ?)")
                .params(onboarding, ts(created), confirmed == null ? null : ts(confirmed)).update();
    }

    private void invitation(UUID onboarding, String created, String opened) {
        jdbc.sql("insert into invitation (onboarding_id, token_hash, expires_at, opened_at, created_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(onboarding, "hash-" + onboarding, ts("2027-01-01T00:00:00Z"),
                        opened == null ? null : ts(opened), ts(created)).update();
    }

    private static Timestamp ts(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }
}
