package org.csonline.onboarding.email;

/** What checking an email verification code found (guide step 8). */
public enum EmailCodeResult {
    VERIFIED, WRONG, EXPIRED, TOO_MANY_TRIES, NO_CODE
}
