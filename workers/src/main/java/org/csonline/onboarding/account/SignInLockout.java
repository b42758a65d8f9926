package org.csonline.onboarding.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.csonline.onboarding.support.EmailAddress;
import org.csonline.onboarding.support.Secrets;
import org.csonline.onboarding.support.Upserts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Counts wrong passwords per email address, whether or not an account has it, so a lockout says nothing about
 * which addresses have accounts. The lockout grows: {@link SignInProperties} explains how. The count lives in the
 * database and each failure locks its row while it counts, so every instance of the app sees the same lockout and
 * failures sent in parallel are all counted.
 */
@Service
public class SignInLockout {

    private final JdbcClient jdbc;
    private final Upserts upserts;
    private final Secrets secrets;
    private final SignInProperties properties;
    private final Clock clock;

    public SignInLockout(JdbcClient jdbc, Upserts upserts, Secrets secrets, SignInProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.upserts = upserts;
        this.secrets = secrets;
        this.properties = properties;
        this.clock = clock;
    }

    /** How long the address stays locked, if it is. */
    public Optional<Duration> lockedFor(String email) {
        Instant now = clock.instant();
        return find(key(email), "")
                .map(Failures::lockedUntil)
                .filter(until -> until != null && until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    /** One more wrong password; returns the lockout it starts (zero while failures are still free). */
    public Duration recordFailure(String email) {
        String key = key(email);
        return upserts.atomically(() -> {
            Instant now = clock.instant();
            upserts.insertIfAbsent(() -> jdbc.sql("insert into sign_in_failure (email_hash, failures, last_failure_at) "
                    + "values (?, 0, ?)").params(key, Timestamp.from(now)).update());
            Failures previous = find(key, " for update").orElseThrow();
            int failures = (previous.lastFailureAt().plus(properties.failureMemory()).isAfter(now)
                    ? previous.failures() : 0) + 1;
            Duration lockout = lockoutAfter(failures, properties);
            jdbc.sql("update sign_in_failure set failures = ?, locked_until = ?, last_failure_at = ? "
                            + "where email_hash = ?")
                    .params(failures, lockout.isZero() ? null : Timestamp.from(now.plus(lockout)),
                            Timestamp.from(now), key)
                    .update();
            return lockout;
        });
    }

    public void recordSuccess(String email) {
        jdbc.sql("delete from sign_in_failure where email_hash = ?").param(key(email)).update();
    }

    /** The growth rule on its own: nothing for the free failures, then first lockout doubling to the maximum. */
    static Duration lockoutAfter(int failures, SignInProperties properties) {
        if (failures < properties.freeFailures()) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - properties.freeFailures(), 30);
        Duration lockout = properties.firstLockout().multipliedBy(1L << doublings);
        return lockout.compareTo(properties.maxLockout()) > 0 ? properties.maxLockout() : lockout;
    }

    private String key(String email) {
        return secrets.hash("sign-in:" + EmailAddress.typed(email).value());
    }

    private Optional<Failures> find(String key, String lock) {
        return jdbc.sql("select failures, locked_until, last_failure_at from sign_in_failure where email_hash = ?" + lock)
                .param(key)
                .query((rs, n) -> new Failures(rs.getInt(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant()))
                .optional();
    }

    private record Failures(int failures, Instant lockedUntil, Instant lastFailureAt) {
    }
}
