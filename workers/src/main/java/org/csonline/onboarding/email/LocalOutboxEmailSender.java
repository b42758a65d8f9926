package org.csonline.onboarding.email;

import org.csonline.onboarding.outbox.Channel;
import org.csonline.onboarding.outbox.LocalOutbox;
import org.springframework.stereotype.Component;

/** Used when no SendGrid key is configured. */
@Component
class LocalOutboxEmailSender implements EmailSender {

    private final LocalOutbox outbox;

    LocalOutboxEmailSender(LocalOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void send(String to, String subject, String textBody, EmailKind kind) {
        outbox.deliver(Channel.EMAIL, to, subject, textBody);
    }
}
