package org.csonline.onboarding.phone;

/**
 * Sends and checks phone codes. Twilio Verify in production; the local implementation when no Twilio keys are
 * configured. Onboarding and every later sign-in use the same interface.
 */
public interface PhoneVerification {

    /** Sends a code; throws {@link org.csonline.onboarding.support.UserInputException} for limits the user hit. */
    void start(String e164, PhoneChannel channel);

    PhoneCheckResult check(String e164, String code);
}
