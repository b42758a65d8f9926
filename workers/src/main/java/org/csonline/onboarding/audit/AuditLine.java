package org.csonline.onboarding.audit;

import java.util.UUID;

/**
 * One line for the audit log, built so that the call reads like the sentence it records:
 * {@code AuditEvent.SIGNED_IN.byAccount(id).onboarding(o).from(address)}. Unset parts are stored as nulls.
 */
public record AuditLine(AuditEvent event, String actor, UUID onboardingId, UUID accountId, String clientAddress,
        String detail) {

    /** Who acted; see {@link AuditEntry} for the forms it takes. */
    public AuditLine by(String who) {
        return new AuditLine(event, who, onboardingId, accountId, clientAddress, detail);
    }

    /** The applicant's account acted, and the line is about that account. */
    public AuditLine byAccount(UUID account) {
        return by(AuditLog.account(account)).account(account);
    }

    public AuditLine onboarding(UUID id) {
        return new AuditLine(event, actor, id, accountId, clientAddress, detail);
    }

    public AuditLine account(UUID id) {
        return new AuditLine(event, actor, onboardingId, id, clientAddress, detail);
    }

    public AuditLine from(String address) {
        return new AuditLine(event, actor, onboardingId, accountId, address, detail);
    }

    /** Free text that never holds a password, code or token. */
    public AuditLine detail(String text) {
        return new AuditLine(event, actor, onboardingId, accountId, clientAddress, text);
    }
}
