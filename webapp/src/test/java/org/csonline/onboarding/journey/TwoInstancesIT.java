package org.csonline.onboarding.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.csonline.onboarding.harness.AppProcess;
import org.csonline.onboarding.harness.EngineProcess;
import org.csonline.onboarding.journey.Browser.Page;
import org.csonline.onboarding.journey.Outbox.Message;
import org.csonline.onboarding.testdb.EmbeddedPostgresServer;
import org.csonline.onboarding.testdb.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of the packaged app (camunda profile, own JVMs and ports) on one engine and one PostgreSQL, behind a
 * load balancer without sticky sessions: every request of a browser, each redirect included, goes to the other
 * instance. Nothing that the second instance needs may live in the first one's memory.
 */
class TwoInstancesIT {

    static final String APPLICANT = "two.instances@example.org";
    static final String PASSWORD = "two kettles boiling";
    static final String MOBILE_E164 = "+447400654321";

    static TestDatabase database;
    static JdbcClient jdbc;
    static EngineProcess engine;
    static AppProcess first;
    static AppProcess second;
    static List<String> both;

    @BeforeAll
    static void startTwoInstances() {
        database = EmbeddedPostgresServer.shared().newDatabase();
        jdbc = JdbcClient.create(database.dataSource());
        engine = EngineProcess.start();
        first = instance().start();
        second = instance().start();
        both = List.of(first.baseUrl(), second.baseUrl());
    }

    @AfterAll
    static void stopThem() {
        for (AutoCloseable process : new AutoCloseable[] {second, first, engine}) {
            try {
                if (process != null) {
                    process.close();
                }
            } catch (Exception e) {
                // the next one still has to stop
            }
        }
    }

    /** What a council's deployment sets for each instance: the same database, engine and code hash key. */
    private static AppProcess.Builder instance() {
        return AppProcess.builder()
                .profile("camunda")
                .env("SPRING_DATASOURCE_URL", database.url())
                .env("SPRING_DATASOURCE_USERNAME", database.username())
                .env("SPRING_DATASOURCE_PASSWORD", database.password())
                .env("CSO_SECURITY_CODE_HASH_KEY", "two-instances-share-this-key-0123456789")
                .property("camunda.client.grpc-address", engine.grpcAddress())
                // The embedded engine has no REST API: every command over gRPC.
                .property("camunda.client.prefer-rest-over-grpc", "false")
                .property("camunda.client.rest-address", "http://127.0.0.1:9")
                .property("camunda.client.auth.method", "none")
                .property("cso.process.invitation-release-delay", "PT1S")
                .property("cso.staff.users[0].username", "caseworker")
                .property("cso.staff.users[0].password", "demo")
                .property("cso.staff.users[0].roles[0]", "CASEWORKER")
                .property("cso.staff.users[1].username", "reviewer")
                .property("cso.staff.users[1].password", "demo")
                .property("cso.staff.users[1].roles[0]", "REVIEWER");
    }

    @Test
    void aJourneyWhoseRequestsAlternateBetweenTheInstancesCompletesWithOneEmailPerStep() {
        Browser caseworker = staff("caseworker");
        Browser reviewer = staff("reviewer");

        Page form = caseworker.get("/staff/onboardings/new");
        Page onboarding = caseworker.submit(form, "Send setup email", Map.of("applicantEmail", APPLICANT,
                "recordReference", "CR-2001", "recordName", "Robin Twoinstances"));
        assertThat(onboarding.uri().getPath()).startsWith("/staff/onboardings/");
        String setupCode = await("setup email", email("Set up your Children's Services Online Account"))
                .find("setup code is: ([A-Z0-9-]+)");
        Page confirm = Eventually.value("setup code field", () -> {
            Page page = caseworker.get(onboarding.uri().getPath());
            return page.text().contains("Confirm the setup code") ? Optional.of(page) : Optional.empty();
        });
        assertThat(caseworker.submit(confirm, "Confirm", Map.of("setupCode", setupCode)).text())
                .contains("Setup code confirmed");

        String link = URI.create(await("invitation email", email("Accept Children's Services Online Account Invitation"))
                .find("(http\\S+/invitation/\\S+)")).getPath();
        Browser applicant = new Browser(both);
        Page signIn = applicant.submit(applicant.get(link), "Continue");
        Page emailPage = applicant.get(signIn.html().selectFirst("#sign-up-now").attr("href"));
        Page verify = applicant.submit(emailPage, "Send verification code", Map.of("email", APPLICANT));
        assertThat(verify.text()).contains("Check your email");
        String emailCode = await("email code", email("Norfolk County Council account verification code"))
                .find("verification code is: (\\d{6})");
        Page verified = applicant.submit(verify, "verify code", Map.of("code", emailCode));
        assertThat(verified.text()).contains("Your email address has now been verified");
        Page details = applicant.get(verified.html().selectFirst("a.govuk-button").attr("href"));
        Page phone = applicant.submit(details, "Create", Map.of("givenName", "Robin", "surname", "Twoinstances",
                "newPassword", PASSWORD, "confirmNewPassword", PASSWORD));
        assertThat(phone.text()).contains("Register your phone");
        Page smsCodePage = applicant.submit(phone, "Send Code", Map.of("phoneNumber", "07400 654321"));
        String smsCode = await("text message", sent("SMS", MOBILE_E164)).find("code is (\\d{6})");
        Page again = applicant.submit(smsCodePage, "Verify Code", Map.of("code", smsCode));
        assertThat(again.text()).contains("Confirm your phone number once more");
        Page callCodePage = applicant.submit(again, "Call me");
        String callCode = await("voice call", sent("CALL", MOBILE_E164)).find("code is ((?:\\d, ){5}\\d)")
                .replace(", ", "");
        Page setup = applicant.submit(callCodePage, "Verify Code", Map.of("code", callCode));
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
        await("activation email", email("New Children's Services Online activation"));
        Eventually.value("caseworker sees the account active", () -> {
            String status = caseworker.get(onboarding.uri().getPath()).html().selectFirst("#status").text();
            return status.equals("Account active") ? Optional.of(status) : Optional.empty();
        });

        // Jobs went to whichever instance's workers took them first, yet each step sent exactly one message.
        for (String subject : List.of("Set up your Children's Services Online Account",
                "Accept Children's Services Online Account Invitation",
                "Norfolk County Council account verification code", "New Children's Services Online activation")) {
            assertThat(messages().stream().filter(email(subject)).count()).as(subject).isEqualTo(1);
        }
        assertThat(messages().stream().filter(sent("SMS", MOBILE_E164)).count()).as("texts").isEqualTo(1);
        assertThat(messages().stream().filter(sent("CALL", MOBILE_E164)).count()).as("calls").isEqualTo(1);
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

    private static Browser staff(String username) {
        Browser browser = new Browser(both);
        Page home = browser.submit(browser.get("/staff"), "Sign in", Map.of("username", username, "password", "demo"));
        assertThat(home.text()).contains("Signed in as " + username);
        return browser;
    }

    /** The local outbox both instances write to (no SendGrid or Twilio keys are set), newest first. */
    private static List<Message> messages() {
        return jdbc.sql("select channel, recipient, subject, body, sent_at from local_outbox order by id desc")
                .query((rs, n) -> new Message(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    private static Message await(String description, Predicate<Message> wanted) {
        return Eventually.value(description, Duration.ofSeconds(60),
                () -> messages().stream().filter(wanted).findFirst());
    }

    private static Predicate<Message> email(String subject) {
        return Outbox.email(APPLICANT, subject);
    }

    private static Predicate<Message> sent(String channel, String to) {
        return Outbox.phone(channel.toLowerCase(java.util.Locale.ROOT), to);
    }
}
