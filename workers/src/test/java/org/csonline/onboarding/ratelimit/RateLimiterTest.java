package org.csonline.onboarding.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.csonline.onboarding.ratelimit.RateLimitProperties.Limit;
import java.util.concurrent.atomic.AtomicInteger;
import org.csonline.onboarding.support.Concurrently;
import org.csonline.onboarding.support.MutableClock;
import org.csonline.onboarding.support.TestDatabase;
import org.csonline.onboarding.support.TestSecrets;
import org.csonline.onboarding.testdb.DatabaseTest;
import org.junit.jupiter.api.Test;

@DatabaseTest
class RateLimiterTest {

    final MutableClock clock = MutableClock.atStart();
    final TestDatabase.Database database = TestDatabase.open();
    final RateLimitProperties limits = new RateLimitProperties(Map.of(
            RateLimitedAction.PHONE_CODE_SEND, new Limit(3, 5, Duration.ofHours(1)),
            RateLimitedAction.PASSWORD_CHECK, new Limit(2, 100, Duration.ofMinutes(15))));
    final RateLimiter limiter = limiter();

    /** One instance of the app; several of them share the database. */
    RateLimiter limiter() {
        return new RateLimiter(database.jdbc(), database.upserts(), TestSecrets.secrets(), limits, clock);
    }

    @Test
    void allowsTheLimitPerAccountThenRefuses() {
        for (int i = 0; i < 3; i++) {
            limiter.check(RateLimitedAction.PHONE_CODE_SEND, "account:1", "10.0.0.1");
        }
        assertThatThrownBy(() -> limiter.check(RateLimitedAction.PHONE_CODE_SEND, "account:1", "10.0.0.1"))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.action()).isEqualTo(RateLimitedAction.PHONE_CODE_SEND);
                    assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(20));
                    assertThat(e.retryAfterMinutes()).isBetween(1L, 20L);
                });
    }

    @Test
    void attemptsOfARequestThatFailedOnOurSideAreGivenBack() {
        for (int i = 0; i < 10; i++) {
            try (RateLimiter.Attempts attempts = limiter.countAttempts()) {
                limiter.check(RateLimitedAction.PHONE_CODE_SEND, "account:9", "10.0.0.9");
                attempts.giveBack();
            }
        }
        for (int i = 0; i < 3; i++) {
            try (RateLimiter.Attempts attempts = limiter.countAttempts()) {
                limiter.check(RateLimitedAction.PHONE_CODE_SEND, "account:9", "10.0.0.9");
            }
        }
        assertThatThrownBy(() -> limiter.check(RateLimitedAction.PHONE_CODE_SEND, "account:9", "10.0.0.9"))
                .as("attempts that went through still count").isInstanceOf(RateLimitedException.class);
    }

    @Test
    void givingBackWhileTheDatabaseIsStillAwayKeepsTheAttemptsAndDoesNotFailThePage() {
        org.springframework.transaction.PlatformTransactionManager away =
                new org.springframework.transaction.support.AbstractPlatformTransactionManager() {
                    @Override
                    protected Object doGetTransaction() {
                        return new Object();
                    }

                    @Override
                    protected void doBegin(Object transaction,
                            org.springframework.transaction.TransactionDefinition definition) {
                        throw new org.springframework.transaction.CannotCreateTransactionException(
                                "Could not open JDBC Connection for transaction");
                    }

                    @Override
                    protected void doCommit(org.springframework.transaction.support.DefaultTransactionStatus status) {
                    }

                    @Override
                    protected void doRollback(org.springframework.transaction.support.DefaultTransactionStatus status) {
                    }
                };
        RateLimiter cut = new RateLimiter(database.jdbc(), new org.csonline.onboarding.support.Upserts(away),
                TestSecrets.secrets(), limits, clock);
        try (RateLimiter.Attempts attempts = cut.countAttempts()) {
            limiter.check(RateLimitedAction.PHONE_CODE_SEND, "account:7", "10.0.0.7");
            attempts.giveBack();
        }
        limiter.check(RateLimitedAction.PHONE_CODE_SEND, "account:7", "10.0.0.7");
        limiter.check(RateLimitedAction.PHONE_CODE_SEND, "account:7", "10.0.0.7");
        assertThatThrownBy(() -> limiter.check(RateLimitedAction.PHONE_CODE_SEND, "account:7", "10.0.0.7"))
                .as("the attempt that could not be given back still counts").isInstanceOf(RateLimitedException.class);
    }

    @Test
    void limitsEachClientAddressAcrossAccounts() {
        for (int i = 0; i < 5; i++) {
            limiter.check(RateLimitedAction.PHONE_CODE_SEND, "account:" + i, "10.0.0.2");
        }
        assertThatThrownBy(() -> limiter.check(RateLimitedAction.PHONE_CODE_SEND, "account:99", "10.0.0.2"))
                .isInstanceOf(RateLimitedException.class);
        limiter.check(RateLimitedAction.PHONE_CODE_SEND, "account:99", "10.0.0.3");
    }

    @Test
    void countsActionsSeparately() {
        limiter.check(RateLimitedAction.PASSWORD_CHECK, "sam@example.org", "10.0.0.1");
        limiter.check(RateLimitedAction.PASSWORD_CHECK, "sam@example.org", "10.0.0.1");
        limiter.check(RateLimitedAction.PHONE_CODE_SEND, "sam@example.org", "10.0.0.1");
        assertThatThrownBy(() -> limiter.check(RateLimitedAction.PASSWORD_CHECK, "sam@example.org", "10.0.0.1"))
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void refillsAsTimePasses() {
        for (int i = 0; i < 3; i++) {
            limiter.check(RateLimitedAction.PHONE_CODE_SEND, "account:1", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(21));
        limiter.check(RateLimitedAction.PHONE_CODE_SEND, "account:1", "10.0.0.1");
        assertThatThrownBy(() -> limiter.check(RateLimitedAction.PHONE_CODE_SEND, "account:1", "10.0.0.1"))
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void anUnknownAccountIsLimitedByAddressOnly() {
        for (int i = 0; i < 5; i++) {
            limiter.check(RateLimitedAction.PHONE_CODE_SEND, null, "10.0.0.4");
        }
        assertThatThrownBy(() -> limiter.check(RateLimitedAction.PHONE_CODE_SEND, null, "10.0.0.4"))
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void instancesSharingTheDatabaseCountTogether() {
        RateLimiter other = limiter();
        limiter.check(RateLimitedAction.PHONE_CODE_SEND, "account:1", "10.0.0.1");
        other.check(RateLimitedAction.PHONE_CODE_SEND, "account:1", "10.0.0.1");
        limiter.check(RateLimitedAction.PHONE_CODE_SEND, "account:1", "10.0.0.1");
        assertThatThrownBy(() -> other.check(RateLimitedAction.PHONE_CODE_SEND, "account:1", "10.0.0.1"))
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void parallelAttemptsOnTwoInstancesAreAllCounted() throws Exception {
        RateLimiter[] instances = {limiter, limiter()};
        int attempts = 40;
        AtomicInteger allowed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Concurrently.run(attempts, i -> {
            try {
                instances[i % 2].check(RateLimitedAction.PASSWORD_CHECK, "sam@example.org", "10.0.0." + i);
                allowed.incrementAndGet();
            } catch (RateLimitedException e) {
                refused.incrementAndGet();
            }
        });
        assertThat(allowed.get()).as("the per-account limit, whichever instance counted").isEqualTo(2);
        assertThat(refused.get()).isEqualTo(attempts - 2);
    }

    @Test
    void fullBucketsArePruned() {
        limiter.check(RateLimitedAction.PHONE_CODE_SEND, "account:1", "10.0.0.1");
        assertThat(limiter.prune()).isZero();
        clock.advance(Duration.ofMinutes(21));
        assertThat(limiter.prune()).as("both buckets are full again").isEqualTo(2);
        for (int i = 0; i < 3; i++) {
            limiter.check(RateLimitedAction.PHONE_CODE_SEND, "account:1", "10.0.0.1");
        }
        assertThatThrownBy(() -> limiter.check(RateLimitedAction.PHONE_CODE_SEND, "account:1", "10.0.0.1"))
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void aBucketPrunedWhileARequestUsesItIsMadeAgainNotAnError() throws Exception {
        // each round: requests on one bucket while another request finds it full (time has passed) and prunes it
        AtomicInteger failures = new AtomicInteger();
        for (int round = 0; round < 30; round++) {
            clock.advance(Duration.ofHours(2));
            Concurrently.run(4, i -> {
                try {
                    if (i == 0) {
                        limiter.prune();
                    } else {
                        limiter.check(RateLimitedAction.PHONE_CODE_SEND, "account:1", "10.0.0.1");
                    }
                } catch (RateLimitedException refused) {
                    // the limit, as it should be
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                }
            });
        }
        assertThat(failures.get()).as("checks that failed instead of counting").isZero();
    }

    @Test
    void anActionWithoutConfiguredLimitsIsAnError() {
        assertThatThrownBy(() -> limiter.check(RateLimitedAction.EMAIL_CODE_SEND, "a", "b"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("EMAIL_CODE_SEND");
    }
}
