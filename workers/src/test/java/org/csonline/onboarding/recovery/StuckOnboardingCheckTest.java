package org.csonline.onboarding.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.csonline.onboarding.access.AccessReviewService;
import org.csonline.onboarding.onboarding.OnboardingService;
import org.csonline.onboarding.process.OnboardingProcess;
import org.csonline.onboarding.process.ProcessCommandStore;
import org.csonline.onboarding.recovery.StuckOnboardingCheck.Missing;
import org.csonline.onboarding.recovery.StuckOnboardingCheck.StuckOnboarding;
import org.csonline.onboarding.support.MutableClock;
import org.csonline.onboarding.support.Onboardings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Disagreements between the database and the timeline, made on purpose. */
@JdbcTest
@Import({StuckOnboardingCheck.class, OnboardingProcess.class, ProcessCommandStore.class,
        StuckOnboardingCheckTest.Settings.class})
class StuckOnboardingCheckTest {

    static class Settings {
        @Bean
        StuckCheckProperties stuckCheckProperties() {
            return new StuckCheckProperties(Duration.ofMinutes(5), Duration.ofMinutes(15));
        }
    }

    @Autowired
    StuckOnboardingCheck check;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @MockitoBean
    OnboardingService onboardings;
    @MockitoBean
    AccessReviewService reviews;

    UUID onboarding;

    @BeforeEach
    void anOnboardingWhoseEmailWasVerifiedButTheProcessNeverHeard() {
        onboarding = Onboardings.anOnboarding(jdbc, "sam@example.org");
        Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
        jdbc.sql("update onboarding set created_at = ?, process_instance_key = 1 where id = ?")
                .params(Timestamp.from(hourAgo.minusSeconds(600)), onboarding).update();
        timeline("Task_SendInvitationEmail", hourAgo);
        jdbc.sql("insert into signup (onboarding_id, email, email_verified_at, updated_at) values (?, ?, ?, ?)")
                .params(onboarding, "sam@example.org", Timestamp.from(hourAgo), Timestamp.from(hourAgo)).update();
    }

    private void timeline(String elementId, Instant at) {
        jdbc.sql("insert into timeline_event (onboarding_id, element_id, phase, job_key, occurred_at) "
                        + "values (?, ?, 'ENDED', ?, ?)")
                .params(onboarding, elementId, Math.abs(UUID.randomUUID().getMostSignificantBits()), Timestamp.from(at))
                .update();
    }

    @Test
    void findsAStepTheDatabaseHasAndTheTimelineNeverHeardAndSendsItAgainWithItsMessageId() {
        assertThat(check.find()).extracting(StuckOnboarding::onboardingId, StuckOnboarding::missing)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(onboarding, Missing.EMAIL_VERIFIED));

        check.sendMissingAgain();

        assertThat(jdbc.sql("select message_id from process_command where onboarding_id = ? and status = 'PENDING'")
                .param(onboarding).query(String.class).list()).containsExactly(onboarding + ":email-verified:1");
        assertThat(check.find()).as("a command waiting is the backlog, not a stuck onboarding").isEmpty();
    }

    @Test
    void aPhoneRoundTheProcessMissedIsSentAgainForThatRound() {
        jdbc.sql("update signup set password_hash = 'x' where onboarding_id = ?").param(onboarding).update();
        jdbc.sql("insert into signup_phone (onboarding_id, phone_e164, rounds_passed, updated_at) "
                        + "values (?, '+447400123456', 2, ?)")
                .params(onboarding, Timestamp.from(clock.instant())).update();
        Instant earlier = clock.instant().minus(Duration.ofMinutes(50));
        timeline("Event_EmailVerified", earlier);
        timeline("Event_AccountDetailsSubmitted", earlier);
        timeline("Event_PhoneCodeVerified", earlier);

        assertThat(check.find()).singleElement().satisfies(stuck -> {
            assertThat(stuck.missing()).isEqualTo(Missing.PHONE_CODE_VERIFIED);
            assertThat(stuck.round()).isEqualTo(2);
        });
        check.sendMissingAgain();
        assertThat(jdbc.sql("select variables from process_command where onboarding_id = ?").param(onboarding)
                .query(String.class).single()).isEqualTo("{\"phoneVerifications\":2}");
    }

    @Test
    void aDisagreementIsNotStuckUntilNothingHasHappenedForTheConfiguredTime() {
        timeline("Task_SendInvitationReminder", clock.instant().minus(Duration.ofMinutes(5)));
        assertThat(check.find()).isEmpty();
        clock.advance(Duration.ofMinutes(11));
        assertThat(check.find()).hasSize(1);
    }

    @Test
    void anOnboardingThatNeverStartedIsStartedAgain() {
        UUID never = Onboardings.anOnboarding(jdbc, "never@example.org");
        jdbc.sql("update onboarding set created_at = ? where id = ?")
                .params(Timestamp.from(clock.instant().minus(Duration.ofHours(2))), never).update();
        when(onboardings.startVariables()).thenReturn(Map.of("invitationValidity", "P28D"));

        assertThat(check.find()).extracting(StuckOnboarding::missing).contains(Missing.START);
        check.sendMissingAgain();
        assertThat(jdbc.sql("select kind from process_command where onboarding_id = ?").param(never)
                .query(String.class).list()).containsExactly("START");
    }
}
