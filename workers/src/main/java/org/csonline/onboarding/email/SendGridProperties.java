package org.csonline.onboarding.email;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SendGrid v3 Mail Send and its event webhook (docs/providers.md).
 *
 * @param apiKey           SENDGRID_API_KEY; without it the local outbox delivers email
 * @param fromEmail        SENDGRID_FROM_EMAIL, a verified sender of the SendGrid account
 * @param fromName         the sender's name; the council's name when empty
 * @param sandboxMode      SendGrid validates each email and sends nothing (SENDGRID_SANDBOX_MODE)
 * @param apiBaseUrl       where the API is; http:// only for a test double
 * @param webhookPublicKey SENDGRID_WEBHOOK_PUBLIC_KEY: the event webhook's verification key (base64)
 * @param webhookMaxAge    events signed longer ago than this are refused
 * @param timeout          longest wait for SendGrid to connect, and to answer
 */
@ConfigurationProperties("cso.sendgrid")
public record SendGridProperties(
        String apiKey,
        String fromEmail,
        String fromName,
        boolean sandboxMode,
        String apiBaseUrl,
        String webhookPublicKey,
        Duration webhookMaxAge,
        Duration timeout) {

    public SendGridProperties {
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? "https://api.sendgrid.com" : apiBaseUrl;
        webhookMaxAge = webhookMaxAge == null ? Duration.ofMinutes(10) : webhookMaxAge;
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
    }

    /** What must all be set, by environment variable name. */
    Map<String, String> required() {
        Map<String, String> required = new LinkedHashMap<>();
        required.put("SENDGRID_API_KEY", apiKey);
        required.put("SENDGRID_FROM_EMAIL", fromEmail);
        return required;
    }
}
