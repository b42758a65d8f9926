package org.csonline.onboarding.support;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Limits for every secret the journey uses (docs/applicant-security.md). */
@ConfigurationProperties("cso.security")
public record SecurityProperties(
        String codeHashKey,
        int setupCodeLength,
        int setupCodeMaxWrong,
        Duration invitationValidity,
        Duration emailCodeValidity,
        int emailCodeMaxTries,
        int emailCodeMaxSendsPerHour,
        Duration phoneCodeValidity,
        int phoneCodeMaxChecks,
        int phoneCodeMaxSends) {
}
