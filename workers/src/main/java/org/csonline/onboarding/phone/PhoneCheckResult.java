package org.csonline.onboarding.phone;

/** What checking a phone code found; Twilio Verify's statuses mapped to what a page can say. */
public enum PhoneCheckResult {
    APPROVED, WRONG, EXPIRED, TOO_MANY_CHECKS
}
