package org.csonline.onboarding.phone;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import org.csonline.onboarding.delivery.ProviderFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Twilio SDK against WireMock playing Verify's Verifications and VerificationCheck. */
class TwilioPhoneVerificationTest {

    static final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    static final String SERVICE = "VA0123456789abcdef0123456789abcdef";
    static final String VERIFICATIONS = "/v2/Services/" + SERVICE + "/Verifications";
    static final String CHECK = "/v2/Services/" + SERVICE + "/VerificationCheck";
    static final String MOBILE = "+447400123456";

    TwilioPhoneVerification verify;

    @BeforeAll
    static void start() {
        twilio.start();
    }

    @AfterAll
    static void stop() {
        twilio.stop();
    }

    @BeforeEach
    void reset() {
        twilio.resetAll();
        verify = new TwilioPhoneVerification(new TwilioProperties("AC0123456789abcdef0123456789abcdef", "auth-token",
                SERVICE, null, twilio.baseUrl(), null));
    }

    @Test
    void startsATextVerificationWithTheDocumentedParameters() {
        twilio.stubFor(post(VERIFICATIONS).willReturn(verification(201, "pending", "sms")));

        assertThat(verify.start(MOBILE, PhoneChannel.SMS)).isEqualTo(PhoneCodeOutcome.SENT);

        twilio.verify(1, postRequestedFor(urlEqualTo(VERIFICATIONS))
                .withBasicAuth(new BasicCredentials("AC0123456789abcdef0123456789abcdef", "auth-token"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("To", equalTo(MOBILE))
                .withFormParam("Channel", equalTo("sms"))
                .withFormParam("Locale", equalTo("en-GB")));
    }

    @Test
    void callMeIsTheCallChannel() {
        twilio.stubFor(post(VERIFICATIONS).willReturn(verification(201, "pending", "call")));
        assertThat(verify.start(MOBILE, PhoneChannel.CALL)).isEqualTo(PhoneCodeOutcome.SENT);
        twilio.verify(postRequestedFor(urlEqualTo(VERIFICATIONS)).withFormParam("Channel", equalTo("call")));
    }

    @Test
    void numbersTwilioRefusesAreOutcomesThePageExplains() {
        twilio.stubFor(post(VERIFICATIONS).willReturn(error(400, 60200, "Invalid parameter `To`: " + MOBILE)));
        assertThat(verify.start(MOBILE, PhoneChannel.SMS)).isEqualTo(PhoneCodeOutcome.INVALID_NUMBER);
        twilio.stubFor(post(VERIFICATIONS).willReturn(error(400, 60205, "SMS is not supported by landline phone number")));
        assertThat(verify.start(MOBILE, PhoneChannel.SMS)).isEqualTo(PhoneCodeOutcome.LANDLINE_NO_SMS);
        twilio.stubFor(post(VERIFICATIONS).willReturn(error(429, 60203, "Max send attempts reached")));
        assertThat(verify.start(MOBILE, PhoneChannel.SMS)).isEqualTo(PhoneCodeOutcome.TOO_MANY_SENDS);
    }

    @Test
    void rateLimitsAndServerErrorsAreTransientOtherErrorsPermanent() {
        twilio.stubFor(post(VERIFICATIONS).willReturn(error(429, 20429, "Too Many Requests")));
        assertThatThrownBy(() -> verify.start(MOBILE, PhoneChannel.SMS)).isInstanceOfSatisfying(ProviderFailure.class,
                f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.TRANSIENT));
        twilio.stubFor(post(VERIFICATIONS).willReturn(error(500, 20500, "Internal Server Error")));
        assertThatThrownBy(() -> verify.start(MOBILE, PhoneChannel.SMS)).isInstanceOfSatisfying(ProviderFailure.class,
                f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.TRANSIENT));
        twilio.stubFor(post(VERIFICATIONS).willReturn(error(401, 20003, "Authenticate")));
        assertThatThrownBy(() -> verify.start(MOBILE, PhoneChannel.SMS)).isInstanceOfSatisfying(ProviderFailure.class,
                f -> {
                    assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.PERMANENT);
                    assertThat(f.getMessage()).contains("HTTP 401", "20003", "Authenticate").doesNotContain(MOBILE);
                });
    }

    @Test
    void checksACodeWithTheDocumentedParameters() {
        twilio.stubFor(post(CHECK).willReturn(verification(200, "approved", "sms")));
        assertThat(verify.check(MOBILE, "493 027")).isEqualTo(PhoneCheckResult.APPROVED);
        twilio.verify(postRequestedFor(urlEqualTo(CHECK)).withFormParam("To", equalTo(MOBILE))
                .withFormParam("Code", equalTo("493027")));
    }

    @Test
    void checkResultsMapToWhatThePageSays() {
        twilio.stubFor(post(CHECK).willReturn(verification(200, "pending", "sms")));
        assertThat(verify.check(MOBILE, "000000")).isEqualTo(PhoneCheckResult.WRONG);
        twilio.stubFor(post(CHECK).willReturn(error(404, 20404, "The requested resource was not found")));
        assertThat(verify.check(MOBILE, "000000")).isEqualTo(PhoneCheckResult.EXPIRED);
        twilio.stubFor(post(CHECK).willReturn(error(429, 60202, "Max check attempts reached")));
        assertThat(verify.check(MOBILE, "000000")).isEqualTo(PhoneCheckResult.TOO_MANY_CHECKS);
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder verification(int status, String state,
            String channel) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"sid": "VE0123456789abcdef0123456789abcdef", "service_sid": "%s", "to": "%s", "channel": "%s",
                 "status": "%s", "valid": %s}""".formatted(SERVICE, MOBILE, channel, state, state.equals("approved")));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}"""
                .formatted(code, message, code, status));
    }
}
