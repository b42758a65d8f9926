package org.csonline.onboarding.phone;

import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.verify.v2.service.Verification;
import com.twilio.rest.verify.v2.service.VerificationCheck;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;
import org.csonline.onboarding.delivery.ProviderFailure;

/**
 * Twilio Verify: {@code Verification} sends a code by "sms" or "call", {@code VerificationCheck} checks it; Twilio
 * keeps the code, its expiry and its limits. Its error codes become outcomes the applicant can act on; 429, 5xx and
 * network failures are transient; other errors are permanent.
 */
class TwilioPhoneVerification implements PhoneVerification {

    static final int INVALID_PARAMETER = 60200;
    static final int MAX_CHECKS_REACHED = 60202;
    static final int MAX_SENDS_REACHED = 60203;
    static final int LANDLINE_NO_SMS = 60205;
    static final int NOT_FOUND = 20404;

    private final TwilioRestClient client;
    private final TwilioProperties properties;

    TwilioPhoneVerification(TwilioProperties properties) {
        this.properties = properties;
        Timeout timeout = Timeout.of(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
        RequestConfig requestConfig = RequestConfig.custom().setConnectTimeout(timeout).setResponseTimeout(timeout)
                .setConnectionRequestTimeout(timeout).build();
        SocketConfig socketConfig = SocketConfig.custom().setSoTimeout(timeout).build();
        NetworkHttpClient http = properties.apiBaseUrl() == null || properties.apiBaseUrl().isBlank()
                ? new NetworkHttpClient(requestConfig, socketConfig)
                : new HostRewritingHttpClient(URI.create(properties.apiBaseUrl()), requestConfig, socketConfig);
        this.client = new TwilioRestClient.Builder(properties.accountSid(), properties.authToken())
                .httpClient(http).build();
    }

    @Override
    public PhoneCodeOutcome start(String e164, PhoneChannel channel) {
        try {
            Verification.creator(properties.verifyServiceSid(), e164, channel.id())
                    .setLocale(properties.locale())
                    .create(client);
            return PhoneCodeOutcome.SENT;
        } catch (ApiException e) {
            Integer code = e.getCode();
            if (code != null && code == INVALID_PARAMETER) {
                return PhoneCodeOutcome.INVALID_NUMBER;
            }
            if (code != null && code == LANDLINE_NO_SMS) {
                return PhoneCodeOutcome.LANDLINE_NO_SMS;
            }
            if (code != null && code == MAX_SENDS_REACHED) {
                return PhoneCodeOutcome.TOO_MANY_SENDS;
            }
            throw failure("sending a " + channel.id() + " code", e);
        }
    }

    @Override
    public PhoneCheckResult check(String e164, String code) {
        try {
            VerificationCheck check = VerificationCheck.creator(properties.verifyServiceSid())
                    .setTo(e164)
                    .setCode(code.replaceAll("[\\s-]", ""))
                    .create(client);
            return switch (String.valueOf(check.getStatus())) {
                case "approved" -> PhoneCheckResult.APPROVED;
                case "pending" -> PhoneCheckResult.WRONG;
                case "max_attempts_reached" -> PhoneCheckResult.TOO_MANY_CHECKS;
                default -> PhoneCheckResult.EXPIRED;
            };
        } catch (ApiException e) {
            Integer errorCode = e.getCode();
            if (errorCode != null && errorCode == NOT_FOUND) {
                return PhoneCheckResult.EXPIRED;
            }
            if (errorCode != null && errorCode == MAX_CHECKS_REACHED) {
                return PhoneCheckResult.TOO_MANY_CHECKS;
            }
            if (errorCode != null && errorCode == INVALID_PARAMETER) {
                return PhoneCheckResult.WRONG;
            }
            throw failure("checking a code", e);
        }
    }

    /** 429, 5xx and no answer at all are worth trying again; anything else needs a person. */
    private static ProviderFailure failure(String what, ApiException e) {
        Integer status = e.getStatusCode();
        if (status == null || status == 429 || status >= 500) {
            String answer = status == null ? "could not be reached (" + ProviderFailure.scrub(e.getMessage()) + ")"
                    : "answered HTTP " + status;
            return new ProviderFailure(ProviderFailure.Kind.TRANSIENT, "Twilio Verify " + answer + " " + what, null);
        }
        return new ProviderFailure(ProviderFailure.Kind.PERMANENT, "Twilio Verify answered HTTP " + status
                + " (error " + e.getCode() + ") " + what + ": " + ProviderFailure.scrub(e.getMessage()), null);
    }
}
