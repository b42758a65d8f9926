package org.csonline.onboarding.audit;

import java.util.UUID;

/** The security events the audit log records. Names are stable: people search the log by them. */
public enum AuditEvent {
    INVITATION_OPENED,
    INVITATION_REFUSED,
    EMAIL_CODE_REQUESTED,
    EMAIL_CODE_VERIFIED,
    EMAIL_CODE_REJECTED,
    PASSWORD_SET,
    PHONE_CODE_REQUESTED,
    PHONE_CODE_VERIFIED,
    PHONE_CODE_REJECTED,
    PHONE_REMOVED,
    PHONE_REGISTERED,
    SIGN_IN_PASSWORD_ACCEPTED,
    SIGN_IN_PASSWORD_REJECTED,
    SIGN_IN_LOCKED_OUT,
    SIGN_IN_CODE_SENT,
    SIGN_IN_CODE_REJECTED,
    SIGNED_IN,
    SIGNED_OUT,
    SESSION_EXPIRED,
    SIGNED_OUT_BY_PASSWORD_CHANGE,
    ACCESS_REQUEST_SUBMITTED,
    ACCESS_REFUSED,
    PASSWORD_RESET_REQUESTED,
    PASSWORD_RESET_EMAIL_VERIFIED,
    PASSWORD_RESET_PHONE_VERIFIED,
    PASSWORD_RESET_REJECTED,
    PASSWORD_RESET_COMPLETED,
    RATE_LIMITED,
    STAFF_SIGNED_IN,
    STAFF_SIGN_IN_FAILED;

    /** Starts the line to record with who acted. */
    public AuditLine by(String actor) {
        return new AuditLine(this, actor, null, null, null, null);
    }

    /** Starts the line to record: the applicant's account acted, and the line is about that account. */
    public AuditLine byAccount(UUID account) {
        return by(null).byAccount(account);
    }

    /** Starts the line to record for someone not yet known, who the log calls "applicant". */
    public AuditLine from(String clientAddress) {
        return by(null).from(clientAddress);
    }
}
