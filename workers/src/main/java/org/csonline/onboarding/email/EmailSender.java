package org.csonline.onboarding.email;

/** Hands one email to whatever delivers email here: SendGrid, or the local outbox. */
public interface EmailSender {

    void send(String to, String subject, String textBody, EmailKind kind);
}
