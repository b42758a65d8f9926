package org.csonline.onboarding.onboarding;

import java.time.Instant;
import java.util.UUID;

/** One invitation of one applicant to see one record. */
public record Onboarding(
        UUID id,
        String applicantEmail,
        String recordReference,
        String recordName,
        String caseworker,
        OnboardingStatus status,
        String cancellationReason,
        UUID accountId,
        Instant createdAt) {
}
