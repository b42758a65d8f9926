package org.csonline.onboarding.account;

/** Where a password reset has got to: email code, then phone code, then the new password. */
public enum PasswordResetStage {
    EMAIL_CODE, PHONE_CODE, NEW_PASSWORD, DONE
}
