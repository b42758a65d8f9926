package org.csonline.onboarding.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long data is kept (docs/retention.md).
 *
 * @param endedOnboarding personal data of an onboarding that ended without an account (cancelled, expired,
 *                        declined), counted from when it ended
 * @param auditLog        entries of the audit log
 * @param interval        how often the retention job runs
 * @param lease           how long one instance holds the job; longer than a run takes
 */
@ConfigurationProperties("cso.retention")
public record RetentionProperties(Duration endedOnboarding, Duration auditLog, Duration interval, Duration lease) {

    public RetentionProperties {
        endedOnboarding = endedOnboarding == null ? Duration.ofDays(90) : endedOnboarding;
        auditLog = auditLog == null ? Duration.ofDays(365) : auditLog;
        interval = interval == null ? Duration.ofHours(1) : interval;
        lease = lease == null ? Duration.ofMinutes(10) : lease;
    }
}
