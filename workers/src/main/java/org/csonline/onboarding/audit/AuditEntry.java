package org.csonline.onboarding.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit log. {@code actor} is who acted ("account:<id>", "staff:<username>" or, with the council's
 * identity provider, "staff:<subject>", "applicant" for someone not yet known); {@code detail} is free text that
 * must never hold a password, code or token.
 */
public record AuditEntry(Instant at, AuditEvent event, String actor, UUID onboardingId, UUID accountId,
        String clientAddress, String detail) {
}
