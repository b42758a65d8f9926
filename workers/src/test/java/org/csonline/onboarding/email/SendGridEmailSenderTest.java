package org.csonline.onboarding.email;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.UUID;
import org.csonline.onboarding.delivery.ProviderFailure;
import org.csonline.onboarding.support.CouncilProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real sendgrid-java client against WireMock playing api.sendgrid.com/v3/mail/send. */
class SendGridEmailSenderTest {

    static final WireMockServer sendGrid = new WireMockServer(options().dynamicPort());
    static final UUID ONBOARDING = UUID.fromString("6a0e5c3e-4b7d-4f15-9a53-1f0b8f6f2d11");
    static final CouncilProperties COUNCIL = new CouncilProperties("Norfolk County Council", "My Norfolk",
            "Children's Services Online", "https://cso.example.org");

    final OutgoingEmail email = new OutgoingEmail("sam.parent@example.org",
            "Norfolk County Council account verification code", "Your code is: 493027", "<p>Your code is: 493027</p>",
            EmailKind.VERIFICATION_CODE, ONBOARDING);

    @BeforeAll
    static void start() {
        sendGrid.start();
    }

    @AfterAll
    static void stop() {
        sendGrid.stop();
    }

    @BeforeEach
    void reset() {
        sendGrid.resetAll();
    }

    SendGridEmailSender sender(boolean sandbox) {
        return new SendGridEmailSender(new SendGridProperties("SG.test-key", "noreply@norfolk.example",
                "", sandbox, sendGrid.baseUrl(), null, null, null), COUNCIL);
    }

    @Test
    void postsTheDocumentedMailSendBody() throws Exception {
        sendGrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202)
                .withHeader("X-Message-Id", "sg-msg-1")));

        assertThat(sender(false).send(email)).isEqualTo("sg-msg-1");

        sendGrid.verify(1, postRequestedFor(urlEqualTo("/v3/mail/send"))
                .withHeader("Authorization", equalTo("Bearer SG.test-key"))
                .withRequestBody(equalToJson("""
                        {
                          "from": {"email": "noreply@norfolk.example", "name": "Norfolk County Council"},
                          "subject": "Norfolk County Council account verification code",
                          "personalizations": [{"to": [{"email": "sam.parent@example.org"}]}],
                          "content": [
                            {"type": "text/plain", "value": "Your code is: 493027"},
                            {"type": "text/html", "value": "<p>Your code is: 493027</p>"}
                          ],
                          "categories": ["cso-verification-code"],
                          "custom_args": {"onboarding_id": "6a0e5c3e-4b7d-4f15-9a53-1f0b8f6f2d11",
                                          "step": "VERIFICATION_CODE"}
                        }""", false, false)));
        JsonNode body = new ObjectMapper().readTree(sendGrid.getAllServeEvents().getFirst().getRequest().getBodyAsString());
        assertThat(body.path("custom_args").toString()).as("custom args never carry the code").doesNotContain("493027");
        assertThat(body.has("mail_settings")).isFalse();
    }

    @Test
    void sandboxModeAsksSendGridToValidateOnly() throws Exception {
        sendGrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(200)));
        sender(true).send(email);
        JsonNode body = new ObjectMapper().readTree(sendGrid.getAllServeEvents().getFirst().getRequest().getBodyAsString());
        assertThat(body.at("/mail_settings/sandbox_mode/enable").asBoolean()).isTrue();
    }

    @Test
    void serverErrorsAndRateLimitsAreTransient() {
        sendGrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(500)));
        assertThatThrownBy(() -> sender(false).send(email)).isInstanceOfSatisfying(ProviderFailure.class, f -> {
            assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.TRANSIENT);
            assertThat(f.getMessage()).isEqualTo("SendGrid answered HTTP 500 to the VERIFICATION_CODE email");
        });
        sendGrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(429)));
        assertThatThrownBy(() -> sender(false).send(email)).isInstanceOfSatisfying(ProviderFailure.class,
                f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.TRANSIENT));
    }

    @Test
    void otherClientErrorsArePermanentWithSendGridsTextButNoAddress() {
        sendGrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(400).withBody("""
                {"errors": [{"message": "Does not contain a valid address: sam.parent@example.org",
                             "field": "personalizations.0.to", "help": null}]}""")));
        assertThatThrownBy(() -> sender(false).send(email)).isInstanceOfSatisfying(ProviderFailure.class, f -> {
            assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.PERMANENT);
            assertThat(f.getMessage()).contains("HTTP 400", "personalizations.0.to: Does not contain a valid address")
                    .doesNotContain("sam.parent@example.org");
        });
    }

    @Test
    void anUnreachableSendGridIsTransient() {
        SendGridEmailSender unreachable = new SendGridEmailSender(new SendGridProperties("SG.key", "a@b.example", "",
                false, "http://localhost:1", null, null, null), COUNCIL);
        assertThatThrownBy(() -> unreachable.send(email)).isInstanceOfSatisfying(ProviderFailure.class,
                f -> assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.TRANSIENT));
    }
}
