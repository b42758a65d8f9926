package org.csonline.onboarding.process;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The process-command outbox and its relay (docs/adr/004-process-command-outbox.md).
 *
 * @param pollInterval      how often the relay looks for due commands when nothing woke it (a commit wakes it)
 * @param batchSize         commands one relay sends at once (at most one per onboarding)
 * @param requestTimeout    how long one send waits for the engine's answer
 * @param claimTimeout      how long a relay's claim on a command lasts; after it, another relay (or instance) takes
 *                          the command over. Longer than the request timeout
 * @param initialBackoff    wait before the second try of a command the engine did not acknowledge
 * @param backoffMultiplier each wait is this times the one before
 * @param maxBackoff        longest wait between tries (the relay never gives up)
 * @param keepDone          how long an acknowledged command is kept (to see what was sent) before it is deleted
 * @param readyBacklog      readiness reports OUT_OF_SERVICE from this many unsent commands on
 */
@ConfigurationProperties("cso.process-commands")
public record ProcessCommandProperties(
        Duration pollInterval,
        Integer batchSize,
        Duration requestTimeout,
        Duration claimTimeout,
        Duration initialBackoff,
        Double backoffMultiplier,
        Duration maxBackoff,
        Duration keepDone,
        Integer readyBacklog) {

    public ProcessCommandProperties {
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        batchSize = batchSize == null ? 50 : batchSize;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        claimTimeout = claimTimeout == null ? Duration.ofSeconds(60) : claimTimeout;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
        backoffMultiplier = backoffMultiplier == null ? 2.0 : backoffMultiplier;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(10) : maxBackoff;
        keepDone = keepDone == null ? Duration.ofDays(7) : keepDone;
        readyBacklog = readyBacklog == null ? 1000 : readyBacklog;
        if (claimTimeout.compareTo(requestTimeout) <= 0) {
            throw new IllegalArgumentException("cso.process-commands.claim-timeout (" + claimTimeout
                    + ") must be longer than request-timeout (" + requestTimeout + ")");
        }
    }

    public static ProcessCommandProperties defaults() {
        return new ProcessCommandProperties(null, null, null, null, null, null, null, null, null);
    }

    /** The wait after the given number of failed tries (1 = after the first failure). */
    public Duration backoffAfter(int failures) {
        double millis = initialBackoff.toMillis() * Math.pow(backoffMultiplier, Math.max(0, failures - 1));
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }
}
