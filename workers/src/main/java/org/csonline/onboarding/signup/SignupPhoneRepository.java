package org.csonline.onboarding.signup;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.support.Upserts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only writer of {@code signup_phone}: the number a new applicant confirms in steps 11-12, and the rounds. */
@Repository
public class SignupPhoneRepository {

    private final JdbcClient jdbc;
    private final Upserts upserts;
    private final Clock clock;

    public SignupPhoneRepository(JdbcClient jdbc, Upserts upserts, Clock clock) {
        this.jdbc = jdbc;
        this.upserts = upserts;
        this.clock = clock;
    }

    /** Step 11: a number; a different one from before starts the rounds again. */
    void use(UUID onboardingId, String e164) {
        Timestamp now = Timestamp.from(clock.instant());
        if (!upserts.insertIfAbsent(() -> jdbc.sql("insert into signup_phone (onboarding_id, phone_e164, rounds_passed, "
                + "updated_at) values (?, ?, 0, ?)").params(onboardingId, e164, now).update())) {
            jdbc.sql("update signup_phone set phone_e164 = ?, rounds_passed = 0, updated_at = ? where onboarding_id = ? "
                            + "and phone_e164 <> ?")
                    .params(e164, now, onboardingId, e164).update();
        }
    }

    Optional<String> number(UUID onboardingId) {
        return jdbc.sql("select phone_e164 from signup_phone where onboarding_id = ?").param(onboardingId)
                .query(String.class).optional();
    }

    /** One more round passed with the number; returns the rounds passed. */
    int roundPassed(UUID onboardingId) {
        jdbc.sql("update signup_phone set rounds_passed = rounds_passed + 1, updated_at = ? where onboarding_id = ?")
                .params(Timestamp.from(clock.instant()), onboardingId).update();
        return roundsPassed(onboardingId);
    }

    int roundsPassed(UUID onboardingId) {
        return jdbc.sql("select rounds_passed from signup_phone where onboarding_id = ?").param(onboardingId)
                .query(Integer.class).optional().orElse(0);
    }

    /** Retention: forgets the number. */
    void deleteFor(UUID onboardingId) {
        jdbc.sql("delete from signup_phone where onboarding_id = ?").param(onboardingId).update();
    }
}
