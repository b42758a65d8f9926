package org.csonline.onboarding.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.csonline.onboarding.onboarding.OnboardingRepository.ERASED;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.csonline.onboarding.access.AccessReviewService;
import org.csonline.onboarding.access.RecordAccessService;
import org.csonline.onboarding.account.AccountRepository;
import org.csonline.onboarding.audit.AuditLog;
import org.csonline.onboarding.calendar.WorkingDays;
import org.csonline.onboarding.delivery.DeliveryLedger;
import org.csonline.onboarding.delivery.DeliveryProperties;
import org.csonline.onboarding.email.EmailService;
import org.csonline.onboarding.invitation.InvitationService;
import org.csonline.onboarding.invitation.SetupCodeService;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.onboarding.OnboardingService;
import org.csonline.onboarding.outbox.LocalOutbox;
import org.csonline.onboarding.phone.PhoneCodes;
import org.csonline.onboarding.phone.PhoneVerification;
import org.csonline.onboarding.process.OnboardingProcess;
import org.csonline.onboarding.progress.ProgressLinks;
import org.csonline.onboarding.signup.EmailCodeService;
import org.csonline.onboarding.signup.PhoneRounds;
import org.csonline.onboarding.signup.SignupPhoneRepository;
import org.csonline.onboarding.signup.SignupRepository;
import org.csonline.onboarding.support.MutableClock;
import org.csonline.onboarding.support.Onboardings;
import org.csonline.onboarding.support.Secrets;
import org.csonline.onboarding.support.Upserts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Retention with a clock the test moves: what goes after 90 days, what stays, and one instance at a time. The job
 * erases through each table's owner, so the owners are real; what they use only to send or to run the process is
 * mocked.
 */
@JdbcTest
@Import({RetentionJob.class, OnboardingRepository.class, OnboardingService.class, AccountRepository.class,
        RecordAccessService.class, AccessReviewService.class, SignupRepository.class, EmailCodeService.class,
        PhoneRounds.class, SignupPhoneRepository.class, PhoneCodes.class, SetupCodeService.class,
        InvitationService.class, LocalOutbox.class, AuditLog.class, Upserts.class, Secrets.class, ProgressLinks.class,
        WorkingDays.class})
class RetentionJobTest {

    @Autowired
    RetentionJob retention;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    AutowireCapableBeanFactory beans;
    @MockitoBean
    EmailService email;
    @MockitoBean
    OnboardingProcess process;
    @MockitoBean
    PhoneVerification phoneVerification;
    @MockitoBean
    DeliveryLedger ledger;
    @MockitoBean
    DeliveryProperties delivery;

    UUID ended(String status, String reason, String email, Duration ago) {
        UUID id = Onboardings.anOnboarding(jdbc, email);
        Instant at = clock.instant().minus(ago);
        jdbc.sql("update onboarding set status = ?, cancellation_reason = ?, cancellation_note = 'moved to Leeds', "
                        + "created_at = ?, updated_at = ? where id = ?")
                .params(status, reason, Timestamp.from(at.minus(Duration.ofDays(3))), Timestamp.from(at), id).update();
        jdbc.sql("insert into signup (onboarding_id, email, given_name, surname, password_hash, updated_at) "
                        + "values (?, ?, 'Sam', 'Parent', 'hash', ?)")
                .params(id, email, Timestamp.from(at)).update();
        jdbc.sql("insert into signup_phone (onboarding_id, phone_e164, rounds_passed, updated_at) "
                        + "values (?, '+447400123456', 2, ?)")
                .params(id, Timestamp.from(at)).update();
        jdbc.sql("insert into email_code (onboarding_id, email, requested_at) values (?, ?, ?)")
                .params(id, email, Timestamp.from(at)).update();
        jdbc.sql("insert into phone_code_request (onboarding_id, phone_e164, channel, requested_at) "
                        + "values (?, '+447400123456', 'SMS', ?)").params(id, Timestamp.from(at)).update();
        jdbc.sql("insert into timeline_event (onboarding_id, element_id, phase, job_key, occurred_at) "
                        + "values (?, 'Task_SendSetupEmail', 'ENDED', 1, ?)").params(id, Timestamp.from(at)).update();
        return id;
    }

    @Test
    void erasesThePersonalDataOfOnboardingsEndedWithoutAnAccountAfterNinetyDaysAndKeepsTheTimeline() {
        UUID old = ended("CANCELLED", "INVITATION_EXPIRED", "old@example.org", Duration.ofDays(91));
        UUID recent = ended("CANCELLED", "CANCELLED_BY_CASEWORKER", "recent@example.org", Duration.ofDays(89));
        UUID running = ended("IN_PROGRESS", null, "running@example.org", Duration.ofDays(200));
        int timelineBefore = count("select count(*) from timeline_event");

        assertThat(retention.run().onboardings()).isEqualTo(1);

        assertThat(jdbc.sql("select applicant_email, record_name, record_reference, cancellation_note, status, "
                        + "cancellation_reason from onboarding where id = ?").param(old)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)}).single())
                .containsExactly(ERASED, ERASED, ERASED, null, "CANCELLED", "INVITATION_EXPIRED");
        for (String table : new String[] {"signup", "email_code", "phone_code_request"}) {
            assertThat(count("select count(*) from " + table + " where onboarding_id = '" + old + "'"))
                    .as(table).isZero();
            assertThat(count("select count(*) from " + table + " where onboarding_id = '" + recent + "'"))
                    .as(table + " of an onboarding ended 89 days ago").isEqualTo(1);
            assertThat(count("select count(*) from " + table + " where onboarding_id = '" + running + "'"))
                    .as(table + " of an onboarding in progress").isEqualTo(1);
        }
        assertThat(count("select count(*) from timeline_event")).as("the timeline keeps its facts")
                .isEqualTo(timelineBefore);

        clock.advance(Duration.ofDays(2));
        assertThat(retention.run().onboardings()).as("the next run, two days on").isEqualTo(1);
        assertThat(retention.run().onboardings()).as("nothing twice").isZero();
    }

    @Test
    void aDeclinedOnboardingLosesTheAccountThatNeverBecameActive() {
        UUID declined = ended("DECLINED", "ACCESS_DECLINED", "declined@example.org", Duration.ofDays(100));
        UUID account = UUID.randomUUID();
        jdbc.sql("insert into account (id, email, given_name, surname, password_hash, status, onboarding_id, "
                        + "created_at) values (?, 'declined@example.org', 'Sam', 'Parent', 'hash', 'PENDING', ?, ?)")
                .params(account, declined, Timestamp.from(clock.instant().minus(Duration.ofDays(101)))).update();
        jdbc.sql("insert into access_request (onboarding_id, account_id, submitted_at, decision, decline_reason) "
                        + "values (?, ?, ?, 'DECLINED', 'not the parent')")
                .params(declined, account, Timestamp.from(clock.instant().minus(Duration.ofDays(100)))).update();

        retention.run();

        assertThat(count("select count(*) from account where id = '" + account + "'")).isZero();
        assertThat(count("select count(*) from access_request where onboarding_id = '" + declined + "'")).isZero();
    }

    @Test
    void theAuditLogHasItsOwnPeriod() {
        jdbc.sql("insert into audit_event (occurred_at, event, actor) values (?, 'SIGNED_IN', 'account:1')")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(366)))).update();
        jdbc.sql("insert into audit_event (occurred_at, event, actor) values (?, 'SIGNED_IN', 'account:2')")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(100)))).update();

        assertThat(retention.run().auditEntries()).isEqualTo(1);
        assertThat(count("select count(*) from audit_event")).isEqualTo(1);
    }

    @Test
    void withSeveralInstancesOneRunsTheJobAtATime() {
        RetentionJob other = beans.createBean(RetentionJob.class);
        assertThat(retention.run()).isNotNull();
        assertThat(other.run()).as("while the first holds the lease").isNull();
        assertThat(retention.run()).as("the holder runs again").isNotNull();
        clock.advance(Duration.ofMinutes(11));
        assertThat(other.run()).as("after the lease ran out").isNotNull();
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
