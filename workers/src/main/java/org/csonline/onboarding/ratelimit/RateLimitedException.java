package org.csonline.onboarding.ratelimit;

import java.time.Duration;

/** An action was refused because it happened too often; the page says when to try again. */
public class RateLimitedException extends RuntimeException {

    private final RateLimitedAction action;
    private final Duration retryAfter;

    public RateLimitedException(RateLimitedAction action, Duration retryAfter) {
        super("Rate limit reached for " + action);
        this.action = action;
        this.retryAfter = retryAfter;
    }

    public RateLimitedAction action() {
        return action;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole minutes, at least 1, for pages ("try again in 3 minutes"). */
    public long retryAfterMinutes() {
        return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
    }
}
