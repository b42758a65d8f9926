package org.csonline.onboarding.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.csonline.onboarding.ratelimit.RateLimitProperties.Limit;
import org.csonline.onboarding.support.MutableClock;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    final MutableClock clock = MutableClock.atStart();
    final RateLimiter limiter = new RateLimiter(new RateLimitProperties(Map.of(
            RateLimitedAction.PHONE_CODE_SEND, new Limit(3, 5, Duration.ofHours(1)),
            RateLimitedAction.PASSWORD_CHECK, new Limit(2, 100, Duration.ofMinutes(15)))), clock);

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
    void anActionWithoutConfiguredLimitsIsAnError() {
        assertThatThrownBy(() -> limiter.check(RateLimitedAction.EMAIL_CODE_SEND, "a", "b"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("EMAIL_CODE_SEND");
    }
}
