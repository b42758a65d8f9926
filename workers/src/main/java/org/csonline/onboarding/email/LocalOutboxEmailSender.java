package org.csonline.onboarding.email;

import org.csonline.onboarding.outbox.Channel;
import org.csonline.onboarding.outbox.LocalOutbox;

/** Used when no SendGrid key is configured: the plain-text body goes to the local outbox. */
class LocalOutboxEmailSender implements EmailSender {

    private final LocalOutbox outbox;

    LocalOutboxEmailSender(LocalOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public String send(OutgoingEmail email) {
        outbox.deliver(Channel.EMAIL, email.to(), email.subject(), email.textBody());
        return null;
    }
}
