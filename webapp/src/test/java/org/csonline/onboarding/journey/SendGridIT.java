package org.csonline.onboarding.journey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.csonline.onboarding.invitation.SendSetupEmailWorker;
import org.csonline.onboarding.onboarding.NewOnboarding;
import org.csonline.onboarding.onboarding.OnboardingService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
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
 * The whole app with SendGrid played by WireMock: the real sendgrid-java client, the real engine and its retries and
 * incidents, and SendGrid's signed event webhook.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cso.engine.port=0",
        "cso.sendgrid.api-key=SG.test-key",
        "cso.sendgrid.from-email=noreply@norfolk.example",
        "cso.delivery.max-retries=3",
        // Waits under the engine's 100 ms backoff-check resolution: see "A retry that does not come" in docs/providers.md.
        "cso.delivery.initial-backoff=PT0.02S",
        "cso.delivery.max-backoff=PT0.05S",
        "cso.delivery.backoff-multiplier=2",
        "cso.camunda.operate-url=http://camunda.test/operate/",
        "cso.camunda.tasklist-url=http://camunda.test/tasklist"})
@ActiveProfiles("local")
// Its settings are its own, so no other test class can reuse this application: close it (and its engine) when done.
@DirtiesContext
class SendGridIT {

    static final WireMockServer sendGrid = new WireMockServer(options().dynamicPort());
    static final KeyPair webhookKeys = ecKeyPair();
    static final String MAIL_SEND = "/v3/mail/send";

    static {
        sendGrid.start();
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("cso.sendgrid.api-base-url", sendGrid::baseUrl);
        registry.add("cso.sendgrid.webhook-public-key",
                () -> Base64.getEncoder().encodeToString(webhookKeys.getPublic().getEncoded()));
    }

    @AfterAll
    static void stop() {
        sendGrid.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("embeddedZeebeEngine")
    ZeebeTestEngine engine;
    @Autowired
    CamundaClient client;
    @Autowired
    OnboardingService onboardings;
    @Autowired
    SendSetupEmailWorker setupEmailWorker;
    @Autowired
    JdbcClient jdbc;

    EngineRecords records;

    @BeforeEach
    void reset() {
        sendGrid.resetAll();
        records = new EngineRecords(engine);
    }

    @Test
    void serverErrorsThreeTimesThenAcceptedSendsOneEmailAndCompletesTheJob() {
        sendGrid.stubFor(post(MAIL_SEND).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("1"));
        sendGrid.stubFor(post(MAIL_SEND).inScenario("flaky").whenScenarioStateIs("1")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("2"));
        sendGrid.stubFor(post(MAIL_SEND).inScenario("flaky").whenScenarioStateIs("2")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("3"));
        sendGrid.stubFor(post(MAIL_SEND).inScenario("flaky").whenScenarioStateIs("3")
                .willReturn(aResponse().withStatus(202)));

        UUID onboarding = start("flaky.provider@example.org");
        long instance = processInstance(onboarding);
        Eventually.value("setup email job completed", () -> records.jobs(instance, "send-setup-email",
                JobIntent.COMPLETED).stream().findFirst());

        assertThat(statuses("flaky.provider@example.org")).containsExactly(500, 500, 500, 202);
        assertThat(records.incidents(instance)).isEmpty();
        assertThat(records.jobs(instance, "send-setup-email", JobIntent.FAILED)).hasSize(3);
        assertThat(sentBody("flaky.provider@example.org", 0)).contains("flaky.provider@example.org", "Set up your Children's Services Online Account",
                "\"onboarding_id\":\"" + onboarding + "\"", "\"step\":\"SETUP\"", "cso-setup");
    }

    @Test
    void theWorkerRunTwiceForTheSameJobSendsOneEmailAndKeepsTheCode() {
        sendGrid.stubFor(post(MAIL_SEND).willReturn(aResponse().withStatus(202)));
        UUID onboarding = start("twice@example.org");
        long instance = processInstance(onboarding);
        Eventually.value("setup email job completed", () -> records.jobs(instance, "send-setup-email",
                JobIntent.COMPLETED).stream().findFirst());
        String codeHash = setupCodeHash(onboarding);

        setupEmailWorker.sendSetupEmail(onboarding.toString());

        assertThat(statuses("twice@example.org")).containsExactly(202);
        assertThat(setupCodeHash(onboarding)).as("the code in the email still works").isEqualTo(codeHash);
    }

    @Test
    void sendGridDownForGoodIsAnIncidentAndRaisingRetriesAfterRecoveryContinuesWithoutDuplicate() {
        sendGrid.stubFor(post(MAIL_SEND).willReturn(aResponse().withStatus(500)));
        UUID onboarding = start("down.for.good@example.org");
        long instance = processInstance(onboarding);

        Record<IncidentRecordValue> incident = Eventually.value("incident", () -> records.incidents(instance)
                .stream().findFirst());
        assertThat(incident.getValue().getErrorMessage())
                .contains("SendGrid answered HTTP 500 to the SETUP email", "Gave up after 4 tries",
                        "raise the job's retries")
                .doesNotContain("down.for.good@example.org");
        assertThat(statuses("down.for.good@example.org")).containsExactly(500, 500, 500, 500);
        // The manager's page says so plainly, and one click leads to the incident in Operate.
        Browser manager = manager();
        var stuckPage = manager.get("/staff/onboardings/" + onboarding);
        assertThat(stuckPage.html().selectFirst("#stuck").text()).contains("This onboarding is stuck",
                "SendGrid answered HTTP 500").doesNotContain("down.for.good@example.org");
        assertThat(stuckPage.html().selectFirst("#stuck-incident").attr("href"))
                .isEqualTo("http://camunda.test/operate/processes/" + instance);

        sendGrid.resetAll();
        sendGrid.stubFor(post(MAIL_SEND).willReturn(aResponse().withStatus(202)));
        client.newUpdateRetriesCommand(incident.getValue().getJobKey()).retries(1).send().join();
        client.newResolveIncidentCommand(incident.getKey()).send().join();

        Eventually.value("setup email job completed", () -> records.jobs(instance, "send-setup-email",
                JobIntent.COMPLETED).stream().findFirst());
        Eventually.value("the caseworker's confirmation task", () -> records.reached(instance,
                "UserTask_ConfirmSetupCode") ? Optional.of(true) : Optional.empty());
        assertThat(statuses("down.for.good@example.org")).containsExactly(202);
        var recovered = Eventually.value("the page no longer says stuck", () -> {
            var page = manager.get("/staff/onboardings/" + onboarding);
            return page.html().selectFirst("#stuck") == null ? Optional.of(page) : Optional.empty();
        });
        assertThat(recovered.html().selectFirst("#operate-link").attr("href"))
                .isEqualTo("http://camunda.test/operate/processes/" + instance);
        assertThat(recovered.html().selectFirst("#tasklist-link").text()).contains("Confirm setup code");
    }

    private Browser manager() {
        Browser browser = new Browser("http://localhost:" + port);
        var home = browser.submit(browser.get("/staff"), "Sign in", java.util.Map.of("username", "manager",
                "password", "demo"));
        assertThat(home.text()).contains("Signed in as manager");
        return browser;
    }

    @Test
    void sendGridRefusingTheEmailIsAnIncidentAtOnceWithItsReason() {
        sendGrid.stubFor(post(MAIL_SEND).willReturn(aResponse().withStatus(403).withBody("""
                {"errors":[{"message":"The from address does not match a verified Sender Identity.","field":"from"}]}""")));
        UUID onboarding = start("refused@example.org");
        long instance = processInstance(onboarding);

        Record<IncidentRecordValue> incident = Eventually.value("incident", () -> records.incidents(instance)
                .stream().findFirst());
        assertThat(incident.getValue().getErrorMessage()).contains("HTTP 403",
                "from: The from address does not match a verified Sender Identity", "Not retried");
        assertThat(statuses("refused@example.org")).containsExactly(403);
    }

    @Nested
    class EventWebhook {

        UUID onboarding;

        @BeforeEach
        void anOnboarding() {
            sendGrid.stubFor(post(MAIL_SEND).willReturn(aResponse().withStatus(202)));
            onboarding = start("bounces@example.org");
        }

        String bounce() {
            return """
                    [{"email":"bounces@example.org","timestamp":%d,"event":"bounce","sg_event_id":"ev-%s",
                      "sg_message_id":"sg-1","reason":"550 5.1.1 <bounces@example.org>: user unknown",
                      "onboarding_id":"%s","step":"SETUP","category":["cso-setup"]}]"""
                    .formatted(Instant.now().getEpochSecond(), UUID.randomUUID(), onboarding);
        }

        @Test
        void aSignedBounceIsRecordedAndReportedToTheProcess() {
            String body = bounce();
            String timestamp = Long.toString(Instant.now().getEpochSecond());

            assertThat(webhook(body, sign(webhookKeys, timestamp, body), timestamp)).isEqualTo(200);

            assertThat(jdbc.sql("select email_kind from email_delivery_event where onboarding_id = ?")
                    .param(onboarding).query(String.class).list()).containsExactly("SETUP");
            assertThat(Eventually.value("email-undeliverable published", () -> records
                    .messages("email-undeliverable", onboarding.toString()).stream().findFirst())
                    .getValue().getVariables()).containsEntry("undeliverableEmailKind", "SETUP");
        }

        @Test
        void aTamperedBodyIsRefused() {
            String body = bounce();
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            String signature = sign(webhookKeys, timestamp, body);
            assertThat(webhook(body.replace("bounce", "delivered"), signature, timestamp)).isEqualTo(401);
            assertNothingRecorded();
        }

        @Test
        void aSignatureByAnotherKeyIsRefused() {
            String body = bounce();
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            assertThat(webhook(body, sign(ecKeyPair(), timestamp, body), timestamp)).isEqualTo(401);
            assertNothingRecorded();
        }

        @Test
        void anUnsignedRequestIsRefused() {
            assertThat(webhook(bounce(), null, null)).isEqualTo(401);
            assertNothingRecorded();
        }

        @Test
        void anOldSignedRequestIsRefused() {
            String body = bounce();
            String timestamp = Long.toString(Instant.now().minusSeconds(3600).getEpochSecond());
            assertThat(webhook(body, sign(webhookKeys, timestamp, body), timestamp)).isEqualTo(400);
            assertNothingRecorded();
        }

        void assertNothingRecorded() {
            assertThat(jdbc.sql("select count(*) from email_delivery_event where onboarding_id = ?")
                    .param(onboarding).query(Integer.class).single()).isZero();
            assertThat(records.messages("email-undeliverable", onboarding.toString())).isEmpty();
        }
    }

    UUID start(String email) {
        return onboardings.start(new NewOnboarding(email, "CR-" + email.hashCode(), "Riley"), "caseworker");
    }

    long processInstance(UUID onboarding) {
        return Eventually.value("process instance key", () -> jdbc.sql(
                        "select process_instance_key from onboarding where id = ? and process_instance_key is not null")
                .param(onboarding).query(Long.class).optional());
    }

    String setupCodeHash(UUID onboarding) {
        return jdbc.sql("select code_hash from setup_code where onboarding_id = ?").param(onboarding)
                .query(String.class).single();
    }

    /**
     * What SendGrid answered to the requests for emails to {@code to}, oldest first. Each test has its own recipient,
     * so a job of an earlier test that is still retrying cannot count here.
     */
    List<Integer> statuses(String to) {
        return requestsFor(to).map(ServeEvent::getResponse).map(r -> r.getStatus()).toList();
    }

    String sentBody(String to, int index) {
        return requestsFor(to).toList().get(index).getRequest().getBodyAsString();
    }

    private Stream<ServeEvent> requestsFor(String to) {
        return sendGrid.getAllServeEvents().reversed().stream()
                .filter(event -> event.getRequest().getBodyAsString().contains("\"" + to + "\""));
    }

    int webhook(String body, String signature, String timestamp) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/webhooks/sendgrid"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Twilio-Email-Event-Webhook-Signature", signature);
            request.header("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String sign(KeyPair keys, String timestamp, String body) {
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initSign(keys.getPrivate());
            ecdsa.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ecdsa.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
