package org.csonline.onboarding.ratelimit;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many times each action may happen per period, per account (or email address, or onboarding) and per client
 * address. Client limits are higher: many people may share one address (a library, a council office).
 */
@ConfigurationProperties("cso.rate-limit")
public record RateLimitProperties(Map<RateLimitedAction, Limit> limits) {

    public record Limit(int perAccount, int perAddress, Duration period) {
    }

    public Limit limit(RateLimitedAction action) {
        Limit limit = limits == null ? null : limits.get(action);
        if (limit == null) {
            throw new IllegalStateException("No rate limit configured for " + action + " (cso.rate-limit.limits)");
        }
        return limit;
    }
}
