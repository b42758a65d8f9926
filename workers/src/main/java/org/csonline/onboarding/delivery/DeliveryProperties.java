package org.csonline.onboarding.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How sends through SendGrid and Twilio are retried, and how long a claimed send stays claimed.
 *
 * @param maxRetries       tries after the first when the provider fails transiently (429, 5xx, timeout); then an
 *                         incident
 * @param initialBackoff   wait before the first retry
 * @param maxBackoff       longest wait between two tries
 * @param backoffMultiplier how much each wait grows
 * @param claimTimeout     how long a send that started but never finished blocks others; keep it at least the job
 *                         timeout (5 minutes by default) and longer than a provider call can take
 * @param outcomeWait      how long the phone page waits for the provider's answer before showing the code page
 */
@ConfigurationProperties("cso.delivery")
public record DeliveryProperties(
        Integer maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        Double backoffMultiplier,
        Duration claimTimeout,
        Duration outcomeWait) {

    public DeliveryProperties {
        maxRetries = maxRetries == null ? 5 : maxRetries;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(10) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff;
        backoffMultiplier = backoffMultiplier == null ? 3.0 : backoffMultiplier;
        claimTimeout = claimTimeout == null ? Duration.ofMinutes(6) : claimTimeout;
        outcomeWait = outcomeWait == null ? Duration.ofSeconds(5) : outcomeWait;
    }

    public static DeliveryProperties defaults() {
        return new DeliveryProperties(null, null, null, null, null, null);
    }

    /** Wait before the try that follows the {@code failures}-th failure (1 = the first). */
    public Duration backoffAfter(int failures) {
        double millis = initialBackoff.toMillis() * Math.pow(backoffMultiplier, Math.max(0, failures - 1));
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }

    /**
     * Retries left after the {@code failures}-th failure: the configured schedule first; past it, what an operator
     * gave the job (raising retries in Operate) less this failure.
     */
    public int retriesLeftAfter(int failures, int jobRetries) {
        return failures <= maxRetries ? maxRetries + 1 - failures : Math.max(0, jobRetries - 1);
    }
}
