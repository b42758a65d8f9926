package org.csonline.onboarding.outbox;

import java.time.Instant;

/** One email, text or call as the local outbox delivered it; for a call the body is the words spoken. */
public record OutboxEntry(long id, Channel channel, String to, String subject, String body, Instant sentAt) {
}
