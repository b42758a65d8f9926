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
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.csonline.onboarding.harness.AppProcess;
import org.csonline.onboarding.harness.EngineProcess;
import org.csonline.onboarding.journey.Browser.Page;
import org.csonline.onboarding.testdb.EmbeddedPostgresServer;
import org.csonline.onboarding.testdb.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged app (camunda profile, own JVMs and ports) on one engine and one PostgreSQL, behind a
 * load balancer without sticky sessions: every request of a browser, each redirect included, goes to the other
 * instance. Nothing that the second instance needs may live in the first one's memory. SendGrid and Twilio Verify
 * are played by WireMock, which counts what was sent.
 */
class TwoInstancesIT {

    static final String APPLICANT = "two.instances@example.org";
    static final String PASSWORD = "two kettles boiling";
    static final String SERVICE = "VA0123456789abcdef0123456789abcdef";
    static final String VERIFICATIONS = "/v2/Services/" + SERVICE + "/Verifications";
    static final String CHECK = "/v2/Services/" + SERVICE + "/VerificationCheck";
    static final String PHONE_CODE = "582046";

    static final WireMockServer sendGrid = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    static final WireMockServer twilio = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static TestDatabase database;
    static EngineProcess engine;
    static AppProcess first;
    static AppProcess second;
    static List<String> both;

    @BeforeAll
    static void startTwoInstances() {
        sendGrid.start();
        twilio.start();
        sendGrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202)));
        twilio.stubFor(post(VERIFICATIONS).willReturn(twilioVerification(201, "pending")));
        twilio.stubFor(post(CHECK).willReturn(twilioVerification(200, "pending")));
        twilio.stubFor(post(CHECK).withFormParam("Code", equalTo(PHONE_CODE))
                .willReturn(twilioVerification(200, "approved")));
        database = EmbeddedPostgresServer.shared().newDatabase();
        engine = EngineProcess.start();
        first = instance().start();
        second = instance().start();
        both = List.of(first.baseUrl(), second.baseUrl());
    }

    @AfterAll
    static void stopThem() {
        for (AutoCloseable process : new AutoCloseable[] {second, first, engine, sendGrid::stop, twilio::stop}) {
            try {
                if (process != null) {
                    process.close();
                }
            } catch (Exception e) {
                // the next one still has to stop
            }
        }
    }

    /** What a council's deployment sets for each instance: the same database, engine, providers and hash key. */
    private static AppProcess.Builder instance() {
        return AppProcess.builder()
                .profile("camunda")
                .env("SPRING_DATASOURCE_URL", database.url())
                .env("SPRING_DATASOURCE_USERNAME", database.username())
                .env("SPRING_DATASOURCE_PASSWORD", database.password())
                .env("CSO_SECURITY_CODE_HASH_KEY", "two-instances-share-this-key-0123456789")
                .env("SENDGRID_API_KEY", "SG.test-key")
                .env("SENDGRID_FROM_EMAIL", "noreply@norfolk.example")
                .env("TWILIO_ACCOUNT_SID", "AC0123456789abcdef0123456789abcdef")
                .env("TWILIO_AUTH_TOKEN", "auth-token")
                .env("TWILIO_VERIFY_SERVICE_SID", SERVICE)
                .env("CSO_STAFF_USERS_0_USERNAME", "caseworker")
                .env("CSO_STAFF_USERS_0_PASSWORD", "caseworker-password-1")
                .env("CSO_STAFF_USERS_0_ROLES_0", "CASEWORKER")
                .env("CSO_STAFF_USERS_1_USERNAME", "reviewer")
                .env("CSO_STAFF_USERS_1_PASSWORD", "reviewer-password-1")
                .env("CSO_STAFF_USERS_1_ROLES_0", "REVIEWER")
                .property("camunda.client.grpc-address", engine.grpcAddress())
                // The embedded engine has no REST API: every command over gRPC.
                .property("camunda.client.prefer-rest-over-grpc", "false")
                .property("camunda.client.rest-address", "http://127.0.0.1:9")
                .property("camunda.client.auth.method", "none")
                // The shared build machine can be slow to answer the first deployment; 10 s is the client's default.
                .property("camunda.client.request-timeout", "PT60S")
                .property("cso.process.invitation-release-delay", "PT1S")
                .property("cso.sendgrid.api-base-url", sendGrid.baseUrl())
                .property("cso.twilio.api-base-url", twilio.baseUrl());
    }

    @Test
    void aJourneyWhoseRequestsAlternateBetweenTheInstancesCompletesWithOneEmailPerStep() {
        Browser caseworker = staff("caseworker", "caseworker-password-1");
        Browser reviewer = staff("reviewer", "reviewer-password-1");

        Page form = caseworker.get("/staff/onboardings/new");
        Page onboarding = caseworker.submit(form, "Send setup email", Map.of("applicantEmail", APPLICANT,
                "recordReference", "CR-2001", "recordName", "Robin Twoinstances"));
        assertThat(onboarding.uri().getPath()).startsWith("/staff/onboardings/");
        String setupCode = find(email("cso-setup"), "setup code is: ([A-Z0-9-]+)");
        Page confirm = Eventually.value("setup code field", () -> {
            Page page = caseworker.get(onboarding.uri().getPath());
            return page.text().contains("Confirm the setup code") ? Optional.of(page) : Optional.empty();
        });
        assertThat(caseworker.submit(confirm, "Confirm", Map.of("setupCode", setupCode)).text())
                .contains("Setup code confirmed");

        String link = URI.create(find(email("cso-invitation"), "(http[^\\s\"\\\\<]+/invitation/[^\\s\"\\\\<]+)"))
                .getPath();
        Browser applicant = new Browser(both);
        Page signIn = applicant.submit(applicant.get(link), "Continue");
        Page emailPage = applicant.get(signIn.html().selectFirst("#sign-up-now").attr("href"));
        Page verify = applicant.submit(emailPage, "Send verification code", Map.of("email", APPLICANT));
        assertThat(verify.text()).contains("Check your email");
        String emailCode = find(email("cso-verification-code"), "verification code is: (\\d{6})");
        Page verified = applicant.submit(verify, "verify code", Map.of("code", emailCode));
        assertThat(verified.text()).contains("Your email address has now been verified");
        Page details = applicant.get(verified.html().selectFirst("a.govuk-button").attr("href"));
        Page phone = applicant.submit(details, "Create", Map.of("givenName", "Robin", "surname", "Twoinstances",
                "newPassword", PASSWORD, "confirmNewPassword", PASSWORD));
        assertThat(phone.text()).contains("Register your phone");
        Page smsCodePage = applicant.submit(phone, "Send Code", Map.of("phoneNumber", "07400 654321"));
        assertThat(smsCodePage.text()).contains("Enter the code");
        Page again = applicant.submit(smsCodePage, "Verify Code", Map.of("code", PHONE_CODE));
        assertThat(again.text()).contains("Confirm your phone number once more");
        Page callCodePage = applicant.submit(again, "Call me");
        Page setup = applicant.submit(callCodePage, "Verify Code", Map.of("code", PHONE_CODE));
        assertThat(setup.text()).contains("Account setup", "Robin Twoinstances");
        Page popUp = applicant.submit(setup, "Confirm", Map.of(
                "recordSelected", setup.html().selectFirst("#recordSelected").val(), "confirmRecord", "yes"));
        assertThat(applicant.submit(popUp, "Submit").text()).contains("You have been signed out");

        Page queue = Eventually.value("review queue", () -> {
            Page page = reviewer.get("/staff/reviews");
            return page.text().contains("Robin Twoinstances") ? Optional.of(page) : Optional.empty();
        });
        String review = queue.html().select("a").stream().filter(a -> a.text().equals("Robin Twoinstances"))
                .findFirst().orElseThrow().attr("href");
        assertThat(reviewer.submit(reviewer.get(review), "Approve").text()).contains("Access approved");
        email("cso-activation");
        Eventually.value("caseworker sees the account active", () -> {
            String status = caseworker.get(onboarding.uri().getPath()).html().selectFirst("#status").text();
            return status.equals("Account active") ? Optional.of(status) : Optional.empty();
        });

        // Jobs went to whichever instance's workers took them first, yet each step sent exactly one message.
        for (String kind : List.of("cso-setup", "cso-invitation", "cso-verification-code", "cso-activation")) {
            assertThat(emails(kind)).as(kind).hasSize(1);
        }
        twilio.verify(2, postRequestedFor(urlEqualTo(VERIFICATIONS)));
    }

    @Test
    void aRateLimitCountsAttemptsOnBothInstances() {
        Browser someone = new Browser(both);
        // cso.rate-limit.limits.password-reset-send: 5 an hour per email address. Each try is three requests (the
        // form, the post, its redirect), so the posts go to the instances in turn: alone, each would allow 5.
        for (int i = 0; i < 5; i++) {
            Page start = someone.get("/sign-in/forgotten-password");
            Page sent = someone.submit(start, "Send code", Map.of("email", "limited@example.org"));
            assertThat(sent.status()).as("attempt %d", i + 1).isEqualTo(200);
        }
        Page refused = someone.submit(someone.get("/sign-in/forgotten-password"), "Send code",
                Map.of("email", "limited@example.org"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text()).contains("You have tried too many times");
    }

    @Test
    void aSignInLockoutCountsFailuresOnBothInstances() {
        Browser someone = new Browser(both);
        // cso.sign-in.free-failures: 6. Each try is one request, so the instances take turns: alone, each would
        // have counted 3.
        Page page = someone.get("/sign-in");
        for (int i = 0; i < 6; i++) {
            page = someone.submit(page, "Sign in", Map.of("email", "locked.out@example.org", "password", "guess " + i));
            assertThat(page.errorSummary()).as("attempt %d", i + 1)
                    .contains("Enter a correct email address and password");
        }
        Page locked = someone.submit(page, "Sign in", Map.of("email", "locked.out@example.org", "password", "guess"));
        assertThat(locked.errorSummary()).contains("You have entered a wrong password too many times");
    }

    private static Browser staff(String username, String password) {
        Browser browser = new Browser(both);
        Page home = browser.submit(browser.get("/staff"), "Sign in", Map.of("username", username, "password", password));
        assertThat(home.text()).contains("Signed in as " + username);
        return browser;
    }

    /** What SendGrid received for the applicant in the category of one kind of email (cso-setup, ...). */
    private static List<String> emails(String category) {
        return sendGrid.getAllServeEvents().stream().map(ServeEvent::getRequest).map(r -> r.getBodyAsString())
                .filter(body -> body.contains(APPLICANT) && body.contains("\"" + category + "\"")).toList();
    }

    /** The first such email, once it has been sent. */
    private static String email(String category) {
        return Eventually.value("email " + category, Duration.ofSeconds(60),
                () -> emails(category).stream().findFirst());
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s in %s", regex, text).isTrue();
        return matcher.group(1);
    }

    private static ResponseDefinitionBuilder twilioVerification(int status, String state) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"sid": "VE0123456789abcdef0123456789abcdef", "service_sid": "%s", "to": "+447400654321",
                 "channel": "sms", "status": "%s", "valid": %s}""".formatted(SERVICE, state, state.equals("approved")));
    }
}
