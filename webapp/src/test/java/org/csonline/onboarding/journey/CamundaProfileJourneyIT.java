package org.csonline.onboarding.journey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.csonline.onboarding.harness.AppProcess;
import org.csonline.onboarding.harness.EngineProcess;
import org.csonline.onboarding.journey.Browser.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The `camunda` profile as docker-compose.yml runs it, minus Docker: the packaged app in its own JVM, connected over
 * gRPC only to a Zeebe engine in another JVM, with staff accounts, provider keys and the code hash key from
 * environment variables, SendGrid and Twilio Verify played by WireMock, and an H2 file database. The onboarding is
 * started as Tasklist starts it (the start form's variables, through the create-instance command) and then runs with
 * the app's real workers and our staff and applicant pages, to the activation email. Wiring mistakes of the stack
 * (a setting the profile requires but compose does not pass, staff that never reach the container) stop it here.
 */
class CamundaProfileJourneyIT {

    static final String APPLICANT = "casey.parent@example.org";
    static final String SERVICE = "VA0123456789abcdef0123456789abcdef";
    static final String VERIFICATIONS = "/v2/Services/" + SERVICE + "/Verifications";
    static final String CHECK = "/v2/Services/" + SERVICE + "/VerificationCheck";
    static final String PHONE_CODE = "493027";
    static final String PASSWORD = "correct horse battery";

    static final WireMockServer sendGrid = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    static final WireMockServer twilio = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static {
        sendGrid.start();
        twilio.start();
    }

    @AfterAll
    static void stopProviders() {
        sendGrid.stop();
        twilio.stop();
    }

    @Test
    void aWholeOnboardingFromATasklistStartRunsOverGrpcWithStaffAndProvidersFromTheEnvironment(@TempDir Path data) {
        sendGrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202)));
        twilio.stubFor(post(VERIFICATIONS).willReturn(twilioVerification(201, "pending")));
        twilio.stubFor(post(CHECK).willReturn(twilioVerification(200, "pending")));
        twilio.stubFor(post(CHECK).withFormParam("Code", equalTo(PHONE_CODE))
                .willReturn(twilioVerification(200, "approved")));
        int port = freeLoopbackPort();
        try (EngineProcess engine = EngineProcess.start();
             AppProcess app = camundaProfile(engine, port, data);
             CamundaClient tasklist = CamundaClient.newClientBuilder().grpcAddress(URI.create(engine.grpcAddress()))
                     .preferRestOverGrpc(false).build()) {
            // Step 1 in Tasklist: the start form has no fields, so Tasklist creates the instance with no variables.
            // The app's home page answers a moment before its deployment is done: wait for the model.
            Eventually.value("the model deployed by the app", () -> {
                try {
                    return Optional.of(tasklist.newCreateInstanceCommand().bpmnProcessId("cso-onboarding")
                            .latestVersion().variables(Map.of()).send().join().getProcessInstanceKey());
                } catch (ClientStatusException e) {
                    return Optional.empty();
                }
            });

            // The caseworker (an account from the environment) finds it on our pages and enters the details.
            Browser caseworker = staff(app, "jo.caseworker", "caseworker-password-1");
            Page list = Eventually.value("the Tasklist start on the staff pages", () -> {
                Page page = caseworker.get("/staff/onboardings");
                return page.html().selectFirst("#tasklist-starts a") != null ? Optional.of(page) : Optional.empty();
            });
            Page form = caseworker.get(list.html().selectFirst("#tasklist-starts a").attr("href"));
            assertThat(form.text()).contains("Enter the applicant's details");
            Page onboarding = caseworker.submit(form, "Send setup email", Map.of("applicantEmail", APPLICANT,
                    "recordReference", "CR-2001", "recordName", "Robin Parent"));
            assertThat(onboarding.text()).contains("Robin Parent", APPLICANT);

            // Step 2: the code from SendGrid's request, confirmed on the staff page.
            String setupCode = find(email("Set up your Children", 0), "setup code is: ([A-Z0-9-]+)");
            Page confirm = Eventually.value("setup code field", () -> {
                Page page = caseworker.get(onboarding.uri().toString());
                return page.text().contains("Confirm the setup code") ? Optional.of(page) : Optional.empty();
            });
            assertThat(caseworker.submit(confirm, "Confirm", Map.of("setupCode", setupCode)).text())
                    .contains("Setup code confirmed");

            // Steps 3-14: the applicant signs up, with email codes from SendGrid and phone codes from Twilio Verify.
            Browser applicant = new Browser(app.baseUrl());
            String link = URI.create(find(email("Account Invitation", 0), "(http[^\\s\"\\\\<]+/invitation/[^\\s\"\\\\<]+)"))
                    .getPath();
            Page signIn = applicant.submit(applicant.get(link), "Continue");
            Page emailPage = applicant.get(signIn.html().selectFirst("#sign-up-now").attr("href"));
            Page verify = applicant.submit(emailPage, "Send verification code", Map.of("email", APPLICANT));
            String emailCode = find(email("account verification code", 0), "verification code is: (\\d{6})");
            Page verified = applicant.submit(verify, "verify code", Map.of("code", emailCode));
            Page details = applicant.get(verified.html().selectFirst("a.govuk-button").attr("href"));
            Page phone = applicant.submit(details, "Create", Map.of("givenName", "Casey", "surname", "Parent",
                    "newPassword", PASSWORD, "confirmNewPassword", PASSWORD));
            Page smsCode = applicant.submit(phone, "Send Code", Map.of("phoneNumber", "07400 765432"));
            assertThat(smsCode.text()).contains("Enter the code");
            Page again = applicant.submit(smsCode, "Verify Code", Map.of("code", PHONE_CODE));
            assertThat(again.text()).contains("Confirm your phone number once more");
            Page callCode = applicant.submit(again, "Call me");
            Page setup = applicant.submit(callCode, "Verify Code", Map.of("code", PHONE_CODE));
            assertThat(setup.text()).contains("Account setup", "Robin Parent");
            String reference = setup.html().selectFirst("#recordSelected").val();
            Page popUp = applicant.submit(setup, "Confirm", Map.of("recordSelected", reference, "confirmRecord", "yes"));
            assertThat(applicant.submit(popUp, "Submit").text()).contains("We will email you when your account is active");

            // Step 15: a reviewer from the environment approves; the activation email goes through SendGrid.
            Browser reviewer = staff(app, "sam.reviewer", "reviewer-password-1");
            Page queue = Eventually.value("review queue", () -> {
                Page page = reviewer.get("/staff/reviews");
                return page.text().contains("Robin Parent") ? Optional.of(page) : Optional.empty();
            });
            String review = queue.html().select("a").stream().filter(a -> a.text().equals("Robin Parent"))
                    .findFirst().orElseThrow().attr("href");
            assertThat(reviewer.submit(reviewer.get(review), "Approve").text()).contains("Access approved");
            assertThat(email("Services Online activation", 0)).contains(APPLICANT);
            String status = Eventually.value("the caseworker sees the account active", () -> {
                String shown = caseworker.get(onboarding.uri().toString()).html().selectFirst("#status").text();
                return shown.equals("Account active") ? Optional.of(shown) : Optional.empty();
            });
            assertThat(status).isEqualTo("Account active");
            assertThat(twilio.getAllServeEvents()).as("Twilio Verify sent and checked the phone codes").isNotEmpty();
        }
    }

    /** As docker-compose.yml runs the app, with the embedded engine's one difference passed here: gRPC only. */
    private static AppProcess camundaProfile(EngineProcess engine, int port, Path data) {
        return AppProcess.builder()
                .profile("camunda")
                .port(port)
                .property("camunda.client.grpc-address", engine.grpcAddress())
                // The embedded engine has no REST API: every command must go over gRPC (a real cluster has both).
                .property("camunda.client.prefer-rest-over-grpc", "false")
                .property("camunda.client.rest-address", "http://127.0.0.1:" + freeLoopbackPort())
                .property("camunda.client.auth.method", "none")
                // The shared build machine can be slow to answer the first deployment; 10 s is the client's default.
                .property("camunda.client.request-timeout", "PT60S")
                .property("spring.datasource.url", "jdbc:h2:file:" + data.resolve("cso").toAbsolutePath())
                .property("cso.process.invitation-release-delay", "PT1S")
                .property("cso.sendgrid.api-base-url", sendGrid.baseUrl())
                .property("cso.twilio.api-base-url", twilio.baseUrl())
                .env("CSO_BASE_URL", "http://127.0.0.1:" + port)
                .env("CSO_SECURITY_CODE_HASH_KEY", "camunda-profile-test-key-0123456789")
                .env("SENDGRID_API_KEY", "SG.test-key")
                .env("SENDGRID_FROM_EMAIL", "noreply@norfolk.example")
                .env("TWILIO_ACCOUNT_SID", "AC0123456789abcdef0123456789abcdef")
                .env("TWILIO_AUTH_TOKEN", "auth-token")
                .env("TWILIO_VERIFY_SERVICE_SID", SERVICE)
                .env("CSO_STAFF_USERS_0_USERNAME", "jo.caseworker")
                .env("CSO_STAFF_USERS_0_PASSWORD", "caseworker-password-1")
                .env("CSO_STAFF_USERS_0_ROLES_0", "CASEWORKER")
                .env("CSO_STAFF_USERS_1_USERNAME", "sam.reviewer")
                .env("CSO_STAFF_USERS_1_PASSWORD", "reviewer-password-1")
                .env("CSO_STAFF_USERS_1_ROLES_0", "REVIEWER")
                .start();
    }

    private static Browser staff(AppProcess app, String username, String password) {
        Browser browser = new Browser(app.baseUrl());
        Page home = browser.submit(browser.get("/staff"), "Sign in", Map.of("username", username, "password", password));
        assertThat(home.text()).contains("Signed in as " + username);
        return browser;
    }

    /** The body SendGrid received for the newest email to the applicant whose body contains {@code subject}. */
    private static String email(String subject, int earlier) {
        return Eventually.value("email '" + subject + "'", () -> {
            List<String> bodies = sendGrid.getAllServeEvents().reversed().stream()
                    .map(ServeEvent::getRequest).map(r -> r.getBodyAsString())
                    .filter(body -> body.contains(APPLICANT) && body.contains(subject)).toList();
            return bodies.size() > earlier ? Optional.of(bodies.getLast()) : Optional.empty();
        });
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s in %s", regex, text).isTrue();
        return matcher.group(1);
    }

    private static ResponseDefinitionBuilder twilioVerification(int status, String state) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"sid": "VE0123456789abcdef0123456789abcdef", "service_sid": "%s", "to": "+447400765432",
                 "channel": "sms", "status": "%s", "valid": %s}""".formatted(SERVICE, state, state.equals("approved")));
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
