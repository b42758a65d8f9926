package org.csonline.onboarding.phone;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Twilio Verify (docs/providers.md).
 *
 * @param accountSid       TWILIO_ACCOUNT_SID
 * @param authToken        TWILIO_AUTH_TOKEN
 * @param verifyServiceSid TWILIO_VERIFY_SERVICE_SID, the Verify service (its code length and expiry are set there)
 * @param locale           language of the text and of the call
 * @param apiBaseUrl       empty for Twilio itself; a base URL (scheme, host, port) that replaces Twilio's hosts, for a
 *                         test double or an egress proxy
 * @param timeout          longest wait for Twilio to connect, and to answer
 */
@ConfigurationProperties("cso.twilio")
public record TwilioProperties(
        String accountSid,
        String authToken,
        String verifyServiceSid,
        String locale,
        String apiBaseUrl,
        Duration timeout) {

    public TwilioProperties {
        locale = locale == null || locale.isBlank() ? "en-GB" : locale;
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
    }

    /** What must all be set, by environment variable name. */
    Map<String, String> required() {
        Map<String, String> required = new LinkedHashMap<>();
        required.put("TWILIO_ACCOUNT_SID", accountSid);
        required.put("TWILIO_AUTH_TOKEN", authToken);
        required.put("TWILIO_VERIFY_SERVICE_SID", verifyServiceSid);
        return required;
    }
}
