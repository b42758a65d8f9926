package org.csonline.onboarding.access;

/** A reviewer's decision on an access request, as stored in {@code access_request.decision}. */
public enum AccessDecision {
    APPROVED, DECLINED;

    public static AccessDecision of(boolean approved) {
        return approved ? APPROVED : DECLINED;
    }
}
