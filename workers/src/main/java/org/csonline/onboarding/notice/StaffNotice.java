package org.csonline.onboarding.notice;

import java.time.Instant;
import java.util.UUID;

/**
 * Something the process told staff about one onboarding: {@code notice} as stored, {@code text} in words;
 * {@code detail} is a code, never personal data.
 */
public record StaffNotice(long id, UUID onboardingId, String audience, String notice, String text, String detail,
        Instant createdAt) {
}
