package org.csonline.onboarding.signup;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.support.Upserts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The only writer of the {@code signup} table: what a new applicant entered (guide steps 6-10) until the account
 * exists; the phone rounds of steps 11-12 keep theirs in {@code signup_phone}.
 */
@Repository
public class SignupRepository {

    /** What the account is made of (step 10), password already hashed. */
    public record SignedUp(String email, String givenName, String surname, String passwordHash) {
    }

    private final JdbcClient jdbc;
    private final Upserts upserts;
    private final Clock clock;

    public SignupRepository(JdbcClient jdbc, Upserts upserts, Clock clock) {
        this.jdbc = jdbc;
        this.upserts = upserts;
        this.clock = clock;
    }

    /** Step 6: the address a code goes to; typing another one later replaces it. */
    void startWithEmail(UUID onboardingId, String email) {
        upserts.updateOrInsert(
                () -> jdbc.sql("update signup set email = ?, updated_at = ? where onboarding_id = ?")
                        .params(email, now(), onboardingId).update(),
                () -> jdbc.sql("insert into signup (onboarding_id, email, updated_at) values (?, ?, ?)")
                        .params(onboardingId, email, now()).update());
    }

    public Optional<String> email(UUID onboardingId) {
        return jdbc.sql("select email from signup where onboarding_id = ?").param(onboardingId)
                .query(String.class).optional();
    }

    void emailVerified(UUID onboardingId) {
        jdbc.sql("update signup set email_verified_at = ?, updated_at = ? where onboarding_id = ?")
                .params(now(), now(), onboardingId).update();
    }

    boolean isEmailVerified(UUID onboardingId) {
        return jdbc.sql("select count(*) from signup where onboarding_id = ? and email_verified_at is not null")
                .param(onboardingId).query(Integer.class).single() > 0;
    }

    void saveDetails(UUID onboardingId, String givenName, String surname, String passwordHash) {
        jdbc.sql("update signup set given_name = ?, surname = ?, password_hash = ?, updated_at = ? "
                        + "where onboarding_id = ?")
                .params(givenName, surname, passwordHash, now(), onboardingId)
                .update();
    }

    /** Step 10's details, once submitted. */
    public Optional<SignedUp> details(UUID onboardingId) {
        return jdbc.sql("select email, given_name, surname, password_hash from signup where onboarding_id = ? "
                        + "and password_hash is not null")
                .param(onboardingId)
                .query((rs, n) -> new SignedUp(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Retention: forgets what the applicant typed while signing up in this onboarding. */
    public void deleteFor(UUID onboardingId) {
        jdbc.sql("delete from signup where onboarding_id = ?").param(onboardingId).update();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
