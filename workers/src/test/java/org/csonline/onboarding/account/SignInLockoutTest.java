package org.csonline.onboarding.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.csonline.onboarding.support.MutableClock;
import org.csonline.onboarding.support.TestDatabase;
import org.csonline.onboarding.support.TestSecrets;
import org.junit.jupiter.api.Test;

class SignInLockoutTest {

    static final SignInProperties RULES = new SignInProperties(6, Duration.ofMinutes(1), Duration.ofHours(24),
            Duration.ofDays(1), Duration.ofMinutes(30), 5);

    final MutableClock clock = MutableClock.atStart();
    final SignInLockout lockout = new SignInLockout(TestDatabase.create(), TestSecrets.secrets(), RULES, clock);

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

    private void fail(String email, int times) {
        for (int i = 0; i < times; i++) {
            lockout.recordFailure(email);
        }
    }
}
