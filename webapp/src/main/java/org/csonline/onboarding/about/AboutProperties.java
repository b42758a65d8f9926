package org.csonline.onboarding.about;

import java.time.Duration;
import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the accessibility statement, privacy notice and cookies page say that differs between councils: who to
 * contact, the data controller, when the service was last tested, and how long ended onboardings are kept.
 */
@ConfigurationProperties("cso.about")
public record AboutProperties(
        String contactEmail,
        String contactPhone,
        String dataProtectionEmail,
        LocalDate accessibilityStatementPrepared,
        LocalDate accessibilityLastTested,
        Duration endedOnboardingRetention,
        String sessionCookieName) {
}
