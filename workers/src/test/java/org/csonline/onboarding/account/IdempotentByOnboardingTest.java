package org.csonline.onboarding.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;
import org.csonline.onboarding.access.RecordAccessService;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.onboarding.OnboardingService;
import org.csonline.onboarding.signup.PhoneRounds;
import org.csonline.onboarding.signup.SignupPhoneRepository;
import org.csonline.onboarding.signup.SignupRepository;
import org.csonline.onboarding.signup.SignupService;
import org.csonline.onboarding.support.MutableClock;
import org.csonline.onboarding.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.csonline.onboarding.testdb.DatabaseTest;

/** Zeebe may run create-account, grant-record-access and activate-account twice: the second run changes nothing. */
@DatabaseTest
class IdempotentByOnboardingTest {

    final TestDatabase.Database database = TestDatabase.open();
    final JdbcClient jdbc = database.jdbc();
    final MutableClock clock = new MutableClock();
    final OnboardingRepository onboardings = new OnboardingRepository(jdbc, clock);
    final OnboardingService onboardingService = new OnboardingService(onboardings, null, null, null, null, clock);
    final PhoneRounds phoneRounds = new PhoneRounds(jdbc, new SignupPhoneRepository(jdbc, database.upserts(), clock),
            null, null, null, null, null, null, null, clock);
    final AccountService accounts = new AccountService(new AccountRepository(jdbc), phoneRounds, onboardings,
            onboardingService, null, new BCryptPasswordEncoder(4), clock);
    final SignupService signups = new SignupService(new SignupRepository(jdbc, database.upserts(), clock), onboardings,
            new AccountRepository(jdbc), accounts, null, null, null, null);
    final RecordAccessService access = new RecordAccessService(jdbc, database.upserts(), onboardings, clock);
    final UUID onboarding = UUID.randomUUID();

    @BeforeEach
    void anApplicantWhoSubmittedTheirDetails() {
        jdbc.sql("insert into onboarding (id, applicant_email, record_reference, record_name, caseworker, status, "
                        + "created_at, updated_at) values (?, ?, 'CR-1001', 'Riley Parentson', 'caseworker', "
                        + "'IN_PROGRESS', ?, ?)")
                .params(onboarding, "sam.parent@example.org", Timestamp.from(clock.instant()),
                        Timestamp.from(clock.instant()))
                .update();
        jdbc.sql("insert into signup (onboarding_id, email, email_verified_at, given_name, surname, password_hash, "
                        + "updated_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(onboarding, "sam.parent@example.org", Timestamp.from(clock.instant()), "Sam", "Parent",
                        "hash", Timestamp.from(clock.instant()))
                .update();
        jdbc.sql("insert into signup_phone (onboarding_id, phone_e164, rounds_passed, updated_at) values (?, ?, 2, ?)")
                .params(onboarding, "+447400123456", Timestamp.from(clock.instant())).update();
    }

    @Test
    void creatingTheAccountTwiceGivesTheSameAccount() {
        UUID first = signups.createAccount(onboarding);
        UUID second = signups.createAccount(onboarding);

        assertThat(second).isEqualTo(first);
        assertThat(count("select count(*) from account where onboarding_id = ?")).isEqualTo(1);
    }

    @Test
    void grantingRecordAccessTwiceGrantsItOnce() {
        UUID account = signups.createAccount(onboarding);
        access.grant(onboarding, account);
        access.grant(onboarding, account);

        assertThat(count("select count(*) from record_access where onboarding_id = ?")).isEqualTo(1);
        assertThat(access.recordsFor(account)).extracting(r -> r.name()).containsExactly("Riley Parentson");
    }

    @Test
    void activatingTwiceKeepsTheFirstActivation() {
        UUID account = signups.createAccount(onboarding);
        accounts.activate(account, onboarding);
        Timestamp activatedAt = jdbc.sql("select activated_at from account where id = ?").param(account)
                .query(Timestamp.class).single();
        clock.advance(Duration.ofMinutes(5));

        accounts.activate(account, onboarding);

        assertThat(jdbc.sql("select status from account where id = ?").param(account).query(String.class).single())
                .isEqualTo("ACTIVE");
        assertThat(jdbc.sql("select activated_at from account where id = ?").param(account).query(Timestamp.class)
                .single()).isEqualTo(activatedAt);
        assertThat(jdbc.sql("select phone_e164 from account where id = ?").param(account).query(String.class)
                .single()).isEqualTo("+447400123456");
    }

    private int count(String sql) {
        return jdbc.sql(sql).param(onboarding).query(Integer.class).single();
    }
}
