package org.csonline.onboarding.journey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.journey.Browser.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole app with Twilio Verify played by WireMock (email stays in the local outbox): what the applicant sees
 * when Twilio refuses a number, and a send-phone-code job that times out while Twilio is slow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cso.engine.port=0",
        "cso.process.invitation-release-delay=PT1S",
        "cso.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
        "cso.twilio.auth-token=auth-token",
        "cso.twilio.verify-service-sid=" + TwilioVerifyIT.SERVICE,
        // Under the engine's 100 ms backoff-check resolution: see "A retry that does not come" in docs/providers.md.
        "cso.delivery.initial-backoff=PT0.05S",
        "camunda.client.worker.override.send-phone-code.timeout=PT1S"})
@ActiveProfiles("local")
// Its settings are its own, so no other test class can reuse this application: close it (and its engine) when done.
@DirtiesContext
class TwilioVerifyIT {

    static final String SERVICE = "VA0123456789abcdef0123456789abcdef";
    static final String VERIFICATIONS = "/v2/Services/" + SERVICE + "/Verifications";
    static final WireMockServer twilio = new WireMockServer(options().dynamicPort());

    static {
        twilio.start();
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("cso.twilio.api-base-url", twilio::baseUrl);
    }

    @AfterAll
    static void stop() {
        twilio.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("embeddedZeebeEngine")
    ZeebeTestEngine engine;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aLandlineAskedForATextShowsCallMeWithTheNumberStillThere() {
        twilio.stubFor(post(VERIFICATIONS).withFormParam("To", equalTo("+447400111111"))
                .withFormParam("Channel", equalTo("sms"))
                .willReturn(error(400, 60205, "SMS is not supported by landline phone number")));
        twilio.stubFor(post(VERIFICATIONS).withFormParam("To", equalTo("+447400111111"))
                .withFormParam("Channel", equalTo("call"))
                .willReturn(verification("call")));
        Browser applicant = new Browser(base());
        Page phone = signUpToThePhonePage(applicant, "landline.twilio@example.org");

        Page refused = applicant.submit(phone, "Send Code", Map.of("phoneNumber", "07400 111111"));

        assertThat(refused.title()).startsWith("Error: ");
        assertThat(refused.errorSummary()).contains("This number can't receive texts. Choose Call me");
        assertThat(refused.fieldValue("phoneNumber")).isEqualTo("07400 111111");
        Page codePage = applicant.submit(refused, "Call me", Map.of("phoneNumber", "07400 111111"));
        assertThat(codePage.text()).contains("Enter the code", "We are calling");
        assertThat(requestStatuses("+447400111111")).containsExactly("LANDLINE_NO_SMS", "SENT");
    }

    @Test
    void aNumberTwilioCannotReachIsExplainedWithTheNumberStillThere() {
        twilio.stubFor(post(VERIFICATIONS).withFormParam("To", equalTo("+447400222222"))
                .withFormParam("Channel", equalTo("sms"))
                .willReturn(error(400, 60200, "Invalid parameter `To`: +447400222222")));
        twilio.stubFor(post(VERIFICATIONS).withFormParam("To", equalTo("+447400333333"))
                .withFormParam("Channel", equalTo("sms"))
                .willReturn(verification("sms")));
        Browser applicant = new Browser(base());
        Page phone = signUpToThePhonePage(applicant, "unreachable.twilio@example.org");

        Page refused = applicant.submit(phone, "Send Code", Map.of("phoneNumber", "07400 222222"));

        assertThat(refused.errorSummary()).contains("We can't send a code to this number");
        assertThat(refused.fieldValue("phoneNumber")).isEqualTo("07400 222222");
        Page codePage = applicant.submit(refused, "Send Code", Map.of("phoneNumber", "07400 333333"));
        assertThat(codePage.text()).contains("Enter the code", "We have sent a 6-digit code");
    }

    @Test
    void aJobThatTimesOutWhileTwilioIsSlowSendsOneCode() {
        twilio.stubFor(post(VERIFICATIONS).withFormParam("To", equalTo("+447400444444"))
                .withFormParam("Channel", equalTo("sms"))
                .willReturn(verification("sms").withFixedDelay(4000)));
        Browser applicant = new Browser(base());
        Page phone = signUpToThePhonePage(applicant, "slow.twilio@example.org");
        UUID onboarding = onboardingOf("slow.twilio@example.org");
        long instance = jdbc.sql("select process_instance_key from onboarding where id = ?").param(onboarding)
                .query(Long.class).single();
        EngineRecords records = new EngineRecords(engine);

        applicant.submit(phone, "Send Code", Map.of("phoneNumber", "07400 444444"));

        // The engine's timeout checker decides when the stalled job is activated again: allow it time.
        Eventually.value("send-phone-code completed", java.time.Duration.ofSeconds(120), () -> records.jobs(instance, "send-phone-code",
                JobIntent.COMPLETED).stream().findFirst());
        assertThat(records.jobs(instance, "send-phone-code", JobIntent.TIMED_OUT)).as("timed out").isNotEmpty();
        twilio.verify(1, postRequestedFor(urlEqualTo(VERIFICATIONS)).withFormParam("To", equalTo("+447400444444")));
        assertThat(requestStatuses("+447400444444")).containsExactly("SENT");
    }

    Page signUpToThePhonePage(Browser applicant, String email) {
        Outbox outbox = new Outbox(new Browser(base()));
        Browser caseworker = new Browser(base());
        Page signIn = caseworker.get("/staff");
        caseworker.submit(signIn, "Sign in", Map.of("username", "caseworker", "password", "demo"));
        Page onboarding = caseworker.submit(caseworker.get("/staff/onboardings/new"), "Send setup email",
                Map.of("applicantEmail", email, "recordReference", "CR-" + email.length(), "recordName", "Riley"));
        String setupCode = outbox.await("setup email", Outbox.email(email,
                "Set up your Children's Services Online Account"), 0).find("setup code is: ([A-Z0-9-]+)");
        Page confirm = Eventually.value("setup code field", () -> {
            Page page = caseworker.get(onboarding.uri().toString());
            return page.text().contains("Confirm the setup code") ? Optional.of(page) : Optional.empty();
        });
        caseworker.submit(confirm, "Confirm", Map.of("setupCode", setupCode));
        String link = URI.create(outbox.await("invitation email", Outbox.email(email,
                "Accept Children's Services Online Account Invitation"), 0)
                .find("(http\\S+/invitation/\\S+)")).getPath();
        Page applicantSignIn = applicant.submit(applicant.get(link), "Continue");
        Page emailPage = applicant.get(applicantSignIn.html().selectFirst("#sign-up-now").attr("href"));
        Page verify = applicant.submit(emailPage, "Send verification code", Map.of("email", email));
        String emailCode = outbox.await("email code", Outbox.email(email,
                "Norfolk County Council account verification code"), 0).find("verification code is: (\\d{6})");
        Page verified = applicant.submit(verify, "verify code", Map.of("code", emailCode));
        Page details = applicant.get(verified.html().selectFirst("a.govuk-button").attr("href"));
        Page phone = applicant.submit(details, "Create", Map.of("givenName", "Sam", "surname", "Parent",
                "newPassword", "correct horse battery", "confirmNewPassword", "correct horse battery"));
        assertThat(phone.text()).contains("Register your phone");
        return phone;
    }

    UUID onboardingOf(String email) {
        return jdbc.sql("select id from onboarding where applicant_email = ?").param(email).query(UUID.class).single();
    }

    java.util.List<String> requestStatuses(String e164) {
        return jdbc.sql("select status from phone_code_request where phone_e164 = ? order by id").param(e164)
                .query(String.class).list();
    }

    String base() {
        return "http://localhost:" + port;
    }

    static ResponseDefinitionBuilder verification(String channel) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                {"sid": "VE0123456789abcdef0123456789abcdef", "service_sid": "%s", "channel": "%s",
                 "status": "pending", "valid": false}""".formatted(SERVICE, channel));
    }

    static ResponseDefinitionBuilder error(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}"""
                .formatted(code, message, code, status));
    }
}
