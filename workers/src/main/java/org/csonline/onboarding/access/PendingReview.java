package org.csonline.onboarding.access;

import java.time.Instant;
import java.util.UUID;

/** An access request waiting for a reviewer (guide step 15). */
public record PendingReview(UUID onboardingId, String recordReference, String recordName, String applicantEmail,
        Instant submittedAt) {
}
