package org.csonline.onboarding.phone;

/**
 * Sends and checks phone codes. Twilio Verify in production; the local implementation when no Twilio keys are
 * configured. Onboarding and every later sign-in use the same interface.
 */
public interface PhoneVerification {

    /**
     * Sends a code, or says why the provider would not.
     *
     * @throws org.csonline.onboarding.delivery.ProviderFailure when the provider failed (transient or not)
     */
    PhoneCodeOutcome start(String e164, PhoneChannel channel);

    /**
     * @throws org.csonline.onboarding.delivery.ProviderFailure when the provider could not check the code
     */
    PhoneCheckResult check(String e164, String code);
}
