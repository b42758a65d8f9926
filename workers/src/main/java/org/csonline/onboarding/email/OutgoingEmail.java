package org.csonline.onboarding.email;

import java.util.UUID;

/**
 * One rendered email. {@code onboardingId} and {@code kind} travel with it to SendGrid as custom args, so its
 * delivery events can be traced back; the code or link in the body never does.
 */
public record OutgoingEmail(String to, String subject, String textBody, String htmlBody, EmailKind kind,
        UUID onboardingId) {
}
