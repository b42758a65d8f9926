package org.csonline.onboarding.ratelimit;

/** Everything that sends a message or checks a secret, each with its own limits (cso.rate-limit.limits). */
public enum RateLimitedAction {
    INVITATION_OPEN,
    PASSWORD_CHECK,
    EMAIL_CODE_SEND,
    EMAIL_CODE_CHECK,
    PHONE_CODE_SEND,
    PHONE_CODE_CHECK,
    PASSWORD_RESET_SEND,
    PASSWORD_RESET_CHECK
}
