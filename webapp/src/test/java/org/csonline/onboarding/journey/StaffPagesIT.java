package org.csonline.onboarding.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.csonline.onboarding.journey.Browser.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Staff pages over HTTP: errors, sign-in and sign-out, the manager's list, and council-styled error pages. */
// The same configuration as OnboardingJourneyIT, so both share one application context (and one engine).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cso.engine.port=0",
        "cso.process.invitation-release-delay=PT1S"})
@ActiveProfiles("local")
class StaffPagesIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void startAnOnboardingShowsEveryErrorAtOnceAndKeepsWhatWasTyped() {
        Browser caseworker = signIn("caseworker");
        Page form = caseworker.get("/staff/onboardings/new");
        Page empty = caseworker.submit(form, "Send setup email",
                Map.of("applicantEmail", "", "recordReference", "", "recordName", ""));
        assertThat(empty.html().select(".govuk-error-summary__list li")).hasSize(3);
        assertThat(empty.html().select(".govuk-error-message")).hasSize(3);
        assertThat(empty.title()).startsWith("Error: ");

        Page twoWrong = caseworker.submit(form, "Send setup email",
                Map.of("applicantEmail", "not-an-email", "recordReference", "CR-9", "recordName", " "));
        assertThat(twoWrong.html().select(".govuk-error-summary__list a").eachAttr("href"))
                .containsExactly("#applicantEmail", "#recordName");
        assertThat(twoWrong.fieldValue("applicantEmail")).isEqualTo("not-an-email");
        assertThat(twoWrong.fieldValue("recordReference")).isEqualTo("CR-9");
    }

    @Test
    void thirdWrongSetupCodeShowsTheOnboardingCancelledAtOnce() {
        Browser caseworker = signIn("caseworker");
        Page onboarding = start(caseworker, "locked.out@example.org", "CR-3004", "Jo");
        // A code typed before the setup email went gets "not sent yet" and counts for nothing: wait for the email.
        new Outbox(new Browser(base())).await("setup email",
                Outbox.email("locked.out@example.org", "Set up your Children's Services Online Account"), 0);
        Page confirm = caseworker.get(onboarding.uri().toString());
        Page wrong = caseworker.submit(confirm, "Confirm", Map.of("setupCode", "WRONG-CODE"));
        wrong = caseworker.submit(wrong, "Confirm", Map.of("setupCode", "WRONG-CODE"));
        assertThat(wrong.errorSummary()).contains("1 more try before");
        Page locked = caseworker.submit(wrong, "Confirm", Map.of("setupCode", "WRONG-CODE"));

        assertThat(locked.text()).contains("this invitation has been cancelled");
        assertThat(locked.html().selectFirst("#status").text()).isEqualTo("Cancelled");
        assertThat(locked.html().selectFirst("#cancellation-reason").text())
                .contains("The setup code was entered wrongly 3 times");
        assertThat(locked.text()).doesNotContain("Cancel this onboarding", "Confirm the setup code");
        assertThat(locked.html().select("button").eachText()).doesNotContain("Cancel onboarding", "Confirm");
    }

    @Test
    void setupCodeFieldIsOfferedStraightAfterSendSetupEmailWithoutAReload() {
        Browser caseworker = signIn("caseworker");
        Page onboarding = start(caseworker, "at.once@example.org", "CR-3006", "Kit");
        assertThat(onboarding.text()).contains("Confirm the setup code");
        assertThat(onboarding.html().select("input#setupCode")).hasSize(1);
        assertThat(onboarding.html().selectFirst("label[for=setupCode]").text()).isEqualTo("Setup code");

        String code = new Outbox(new Browser(base())).await("setup email",
                Outbox.email("at.once@example.org", "Set up your Children's Services Online Account"), 0)
                .find("setup code is: ([A-Z0-9-]+)");
        Page confirmed = caseworker.submit(onboarding, "Confirm", Map.of("setupCode", code));
        assertThat(confirmed.text()).contains("Setup code confirmed").doesNotContain("Confirm the setup code");
    }

    @Test
    void declineAsksForAReasonAndTellsTheCaseworker() {
        Browser caseworker = signIn("caseworker");
        Page onboarding = start(caseworker, "declined@example.org", "CR-3005", "Robin");
        UUID id = UUID.fromString(onboarding.uri().getPath().substring("/staff/onboardings/".length()));
        anAccessRequest(id, "declined@example.org");

        Browser reviewer = signIn("reviewer");
        Page review = reviewer.get("/staff/reviews/" + id);
        Page confirm = reviewer.get(review.html().selectFirst("#decline").attr("href"));
        assertThat(confirm.html().selectFirst("h1").text()).isEqualTo("Decline this access request");
        assertThat(reviewer.get("/staff/reviews").text()).as("nothing decided yet").contains("Robin");

        Page missing = reviewer.submit(confirm, "Decline access", Map.of("declineReason", "  "));
        assertThat(missing.errorSummary()).contains("Enter why you are declining this access request");
        assertThat(missing.title()).startsWith("Error: ");
        assertThat(reviewer.get("/staff/reviews").text()).as("still waiting").contains("Robin");

        Page declined = reviewer.submit(missing, "Decline access",
                Map.of("declineReason", "The record is for a different child"));
        assertThat(declined.uri().getPath()).isEqualTo("/staff/reviews");
        assertThat(declined.text()).contains("Access declined.").doesNotContain("Robin");
        assertThat(jdbc.sql("select decline_reason from access_request where onboarding_id = ?").param(id)
                .query(String.class).single()).isEqualTo("The record is for a different child");

        Page again = reviewer.get("/staff/reviews/" + id);
        assertThat(again.uri().getPath()).isEqualTo("/staff/reviews");
        assertThat(again.text()).contains("This request had already been decided");

        Page shown = caseworker.get(onboarding.uri().getPath());
        assertThat(shown.html().selectFirst("#status").text()).isEqualTo("Access declined");
        assertThat(shown.html().selectFirst("#decline-reason").text()).contains("The record is for a different child");
        assertThat(shown.html().selectFirst("#notices").text()).contains("A reviewer declined the applicant's access request");

        Page list = caseworker.get("/staff/onboardings");
        Element row = list.html().select("#notices tbody tr").stream()
                .filter(r -> r.text().contains("A reviewer declined")).findFirst().orElseThrow();
        assertThat(row.selectFirst("a").text()).isEqualTo("Open onboarding for Robin");
        assertThat(row.selectFirst("a .govuk-visually-hidden").text()).isEqualTo("onboarding for Robin");
    }

    /** The applicant's side (sign-up and "Submit", guide steps 4-14) is OnboardingJourneyIT's; here just its rows. */
    private void anAccessRequest(UUID onboardingId, String email) {
        UUID account = UUID.randomUUID();
        jdbc.sql("insert into account (id, email, given_name, surname, password_hash, status, onboarding_id, "
                        + "created_at) values (?, ?, 'A', 'B', 'x', 'ACTIVE', ?, ?)")
                .params(account, email, onboardingId, Timestamp.from(Instant.now())).update();
        jdbc.sql("insert into access_request (onboarding_id, account_id, submitted_at) values (?, ?, ?)")
                .params(onboardingId, account, Timestamp.from(Instant.now())).update();
    }

    @Test
    void everyStaffPageHasSignOutAndItSignsOut() {
        Browser caseworker = signIn("caseworker");
        Page onboarding = start(caseworker, "bar.user@example.org", "CR-3001", "Sam");
        for (String path : new String[] {"/staff", "/staff/onboardings", "/staff/onboardings/new",
                onboarding.uri().getPath()}) {
            Page page = caseworker.get(path);
            assertThat(page.html().select("main form[action$=/staff/sign-out] button").eachText())
                    .as(path).containsExactly("Sign out");
        }
        Browser reviewer = signIn("reviewer");
        assertThat(reviewer.get("/staff/reviews").html().select("#staff-sign-out")).hasSize(1);

        Page signedOut = caseworker.submit(caseworker.get("/staff/onboardings/new"), "Sign out");
        assertThat(signedOut.text()).contains("You have signed out");
        assertThat(caseworker.get("/staff/onboardings").uri().getPath()).isEqualTo("/staff/sign-in");
    }

    @Test
    void managerSeesEveryCaseworkersOnboardingsWithTheirCaseworker() {
        Browser caseworker = signIn("caseworker");
        Page onboarding = start(caseworker, "managed@example.org", "CR-3002", "Morgan");
        Page list = signIn("manager").get("/staff/onboardings");
        assertThat(list.title()).startsWith("All onboardings");
        assertThat(list.html().selectFirst("h1").text()).isEqualTo("All onboardings");
        Element row = list.html().select("#onboardings tbody tr").stream()
                .filter(r -> r.text().contains("managed@example.org")).findFirst().orElseThrow();
        assertThat(row.text()).contains("Morgan", "caseworker");
        assertThat(row.selectFirst("a").attr("href")).endsWith(onboarding.uri().getPath());

        Page own = caseworker.get("/staff/onboardings");
        assertThat(own.html().selectFirst("h1").text()).isEqualTo("Your onboardings");
        assertThat(own.html().select("#onboardings th").eachText()).doesNotContain("Caseworker");
    }

    @Test
    void staffErrorsAreCouncilPagesThatSayWhereToGo() {
        Browser caseworker = signIn("caseworker");
        Page forbidden = caseworker.get("/staff/reviews");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.html().selectFirst("h1").text()).isEqualTo("You cannot see this page");
        assertThat(forbidden.title()).contains("You cannot see this page");
        assertThat(forbidden.html().selectFirst("#error-home").attr("href")).isEqualTo("/staff");
        assertThat(forbidden.text()).contains("ask your manager");

        Page badId = caseworker.get("/staff/onboardings/not-a-uuid");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.html().selectFirst("h1").text()).isEqualTo("There is a problem with that web address");

        Page someoneElses = start(signIn("manager"), "not.yours@example.org", "CR-3003", "Alex");
        Page notFound = caseworker.get(someoneElses.uri().getPath());
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.html().selectFirst("h1").text()).isEqualTo("Page not found");
        for (Page page : new Page[] {forbidden, badId, notFound}) {
            assertThat(page.text()).doesNotContain("Whitelabel", "Exception", "at org.");
            assertThat(page.html().select("#staff-sign-out")).isEmpty();
        }
    }

    @Test
    void applicantAddressesGetTheSameErrorPagesWithGenericWording() {
        Page notFound = new Browser(base()).get("/no-such-page");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.html().selectFirst("h1").text()).isEqualTo("Page not found");
        assertThat(notFound.html().selectFirst("#error-home").attr("href")).isEqualTo("/");
        assertThat(notFound.text()).doesNotContain("Whitelabel", "staff");

        // A form sent with a stale CSRF token (as after a long wait): a 403 that does not talk about roles.
        Page forbidden = new Browser(base()).submit(new Browser(base()).get("/staff/sign-in"), "Sign in",
                Map.of("username", "caseworker", "password", "demo", "_csrf", "stale"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.html().selectFirst("h1").text()).isEqualTo("You cannot see this page");
        assertThat(forbidden.text()).contains("Go back, refresh the page and try again").doesNotContain("manager");
    }

    @Test
    void signInErrorIsOnTheFieldsAndKeepsTheUsername() {
        Browser browser = new Browser(base());
        Page failed = browser.submit(browser.get("/staff/sign-in"), "Sign in",
                Map.of("username", "caseworker", "password", "wrong"));
        assertThat(failed.title()).startsWith("Error: Staff sign in");
        assertThat(failed.errorSummary()).contains("Enter a correct username and password");
        assertThat(failed.fieldValue("username")).isEqualTo("caseworker");
        assertThat(failed.html().selectFirst("#username").attr("aria-describedby")).contains("username-error");
        assertThat(failed.html().selectFirst("#username").hasClass("govuk-input--error")).isTrue();
        assertThat(failed.html().selectFirst("#password").hasClass("govuk-input--error")).isTrue();
        assertThat(failed.html().selectFirst("#username-error").text()).contains("Enter a correct username and password");

        Page again = browser.get("/staff/sign-in");
        assertThat(again.errorSummary()).isEmpty();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    void managersSeeStepsThatHaveNotReachedTheEngineYet() {
        UUID onboarding = UUID.randomUUID();
        // A command the relay will not try for an hour, as if the engine had been away since.
        jdbc.sql("insert into process_command (onboarding_id, kind, message_name, message_id, status, attempts, "
                        + "next_attempt_at, last_error, created_at) values (?, 'PUBLISH', 'email-verified', ?, "
                        + "'PENDING', 3, ?, 'UNAVAILABLE: io exception', ?)")
                .params(onboarding, onboarding + ":email-verified:1", Timestamp.from(Instant.now().plusSeconds(3600)),
                        Timestamp.from(Instant.now().minusSeconds(180)))
                .update();
        try {
            Element panel = signIn("manager").get("/staff").html().selectFirst("#engine-panel");
            assertThat(panel).isNotNull();
            assertThat(panel.selectFirst("#engine-backlog").text())
                    .matches("\\d+ steps? (is|are) waiting to reach the process engine; the oldest has waited \\d+ minutes?\\.");
            assertThat(signIn("caseworker").get("/staff").html().selectFirst("#engine-panel")).as("managers only")
                    .isNull();
        } finally {
            jdbc.sql("delete from process_command where onboarding_id = ?").param(onboarding).update();
        }
    }

    @Test
    void managersSeeAnOnboardingWhoseProcessNeverHeardAStepTheDatabaseHas() {
        UUID stuck = UUID.randomUUID();
        Timestamp hourAgo = Timestamp.from(Instant.now().minusSeconds(3600));
        jdbc.sql("insert into onboarding (id, applicant_email, record_reference, record_name, caseworker, status, "
                        + "process_instance_key, created_at, updated_at) values (?, 'stuck@example.org', 'CR-3999', "
                        + "'Stuck Riley', 'caseworker', 'IN_PROGRESS', 1, ?, ?)")
                .params(stuck, hourAgo, hourAgo).update();
        jdbc.sql("insert into signup (onboarding_id, email, email_verified_at, updated_at) values (?, ?, ?, ?)")
                .params(stuck, "stuck@example.org", hourAgo, hourAgo).update();
        try {
            Element listed = signIn("manager").get("/staff").html().selectFirst("#stuck-onboardings");
            assertThat(listed).isNotNull();
            assertThat(listed.text()).contains("Stuck Riley: the email address was verified, the process has not heard");
        } finally {
            jdbc.sql("delete from process_command where onboarding_id = ?").param(stuck).update();
            jdbc.sql("delete from signup where onboarding_id = ?").param(stuck).update();
            jdbc.sql("delete from onboarding where id = ?").param(stuck).update();
        }
    }

    @Test
    void livenessAndReadinessAreUpWithTheEngineAndTheBacklogInReadiness() {
        Browser anyone = new Browser(base());
        assertThat(anyone.getJson("/actuator/health/liveness")).contains("\"status\":\"UP\"");
        String readiness = anyone.getJson("/actuator/health/readiness");
        assertThat(readiness).contains("\"status\":\"UP\"");
    }

    private Browser signIn(String username) {
        Browser browser = new Browser(base());
        Page home = browser.submit(browser.get("/staff"), "Sign in", Map.of("username", username, "password", "demo"));
        assertThat(home.text()).contains("Signed in as " + username);
        return browser;
    }

    private Page start(Browser caseworker, String applicant, String reference, String recordName) {
        Page form = caseworker.get("/staff/onboardings/new");
        Page onboarding = caseworker.submit(form, "Send setup email", Map.of("applicantEmail", applicant,
                "recordReference", reference, "recordName", recordName));
        assertThat(onboarding.uri().getPath()).startsWith("/staff/onboardings/");
        return onboarding;
    }
}
