package org.csonline.onboarding.email;

/** Hands one email to whatever delivers email here: SendGrid, or the local outbox. */
public interface EmailSender {

    /**
     * @return the provider's id for the message, or null
     * @throws org.csonline.onboarding.delivery.ProviderFailure when the provider did not take it
     */
    String send(OutgoingEmail email);
}
