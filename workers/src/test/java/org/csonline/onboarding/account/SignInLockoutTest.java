package org.csonline.onboarding.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.csonline.onboarding.support.Concurrently;
import org.csonline.onboarding.support.MutableClock;
import org.csonline.onboarding.support.TestDatabase;
import org.csonline.onboarding.support.TestSecrets;
import org.junit.jupiter.api.Test;
import org.csonline.onboarding.testdb.DatabaseTest;

@DatabaseTest
class SignInLockoutTest {

    static final SignInProperties RULES = new SignInProperties(6, Duration.ofMinutes(1), Duration.ofHours(24),
            Duration.ofDays(1), Duration.ofMinutes(30), 5);

    final MutableClock clock = MutableClock.atStart();
    final TestDatabase.Database database = TestDatabase.open();
    final SignInLockout lockout = lockout();

    /** One instance of the app; several of them share the database. */
    SignInLockout lockout() {
        return new SignInLockout(database.jdbc(), database.upserts(), TestSecrets.secrets(), RULES, clock);
    }

    @Test
    void fiveFailuresDoNotLock() {
        for (int i = 0; i < 5; i++) {
            assertThat(lockout.recordFailure("sam@example.org")).isZero();
        }
        assertThat(lockout.lockedFor("sam@example.org")).isEmpty();
    }

    @Test
    void theSixthFailureLocksForAMinute() {
        fail("sam@example.org", 5);
        assertThat(lockout.recordFailure("sam@example.org")).isEqualTo(Duration.ofMinutes(1));
        assertThat(lockout.lockedFor("SAM@example.org ")).contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofSeconds(61));
        assertThat(lockout.lockedFor("sam@example.org")).isEmpty();
    }

    @Test
    void eachFurtherFailureDoublesTheLockout() {
        fail("sam@example.org", 6);
        clock.advance(Duration.ofMinutes(2));
        assertThat(lockout.recordFailure("sam@example.org")).isEqualTo(Duration.ofMinutes(2));
        clock.advance(Duration.ofMinutes(3));
        assertThat(lockout.recordFailure("sam@example.org")).isEqualTo(Duration.ofMinutes(4));
        clock.advance(Duration.ofMinutes(5));
        assertThat(lockout.recordFailure("sam@example.org")).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void theLockoutStopsGrowingAtTheMaximum() {
        assertThat(SignInLockout.lockoutAfter(6, RULES)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SignInLockout.lockoutAfter(16, RULES)).isEqualTo(Duration.ofMinutes(1024));
        assertThat(SignInLockout.lockoutAfter(17, RULES)).isEqualTo(Duration.ofHours(24));
        assertThat(SignInLockout.lockoutAfter(500, RULES)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aSuccessfulSignInClearsTheCount() {
        fail("sam@example.org", 5);
        lockout.recordSuccess("sam@example.org");
        assertThat(lockout.recordFailure("sam@example.org")).isZero();
    }

    @Test
    void aDayWithoutFailuresStartsTheCountAgain() {
        fail("sam@example.org", 5);
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(lockout.recordFailure("sam@example.org")).isZero();
    }

    @Test
    void addressesAreCountedSeparately() {
        fail("sam@example.org", 6);
        assertThat(lockout.lockedFor("alex@example.org")).isEmpty();
    }

    @Test
    void failuresOnAnyInstanceCountTowardsOneLockout() {
        SignInLockout other = lockout();
        for (int i = 0; i < 5; i++) {
            (i % 2 == 0 ? lockout : other).recordFailure("sam@example.org");
        }
        assertThat(other.recordFailure("sam@example.org")).isEqualTo(Duration.ofMinutes(1));
        assertThat(lockout.lockedFor("sam@example.org")).contains(Duration.ofMinutes(1));
    }

    @Test
    void parallelFailuresAreAllCounted() throws Exception {
        SignInLockout[] instances = {lockout, lockout()};
        Concurrently.run(12, i -> instances[i % 2].recordFailure("sam@example.org"));
        // Twelve counted: the thirteenth failure locks for 2^(13 - 6) minutes.
        assertThat(lockout.recordFailure("sam@example.org")).isEqualTo(Duration.ofMinutes(128));
    }

    private void fail(String email, int times) {
        for (int i = 0; i < times; i++) {
            lockout.recordFailure(email);
        }
    }
}
