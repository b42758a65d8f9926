package org.csonline.onboarding.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every staff page in a real browser, held to a stricter bar than the applicant pages: axe-core with no violation of
 * any impact, and a screenshot of each in target/screenshots. Also the caseworker's queue on the staff home, the
 * manager dashboard and the pages every footer links to.
 */
// The same configuration as OnboardingJourneyIT, so both share one application context (and one engine).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cso.engine.port=0",
        "cso.process.invitation-release-delay=PT1S"})
@ActiveProfiles("local")
class StaffPagesBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void caseworkerPagesAndTheQueue() {
        UUID declined = anOnboarding("DECLINED", null, "Declined Dana");
        aDecision(declined, "DECLINED");
        UUID expired = anOnboarding("CANCELLED", "INVITATION_EXPIRED", "Expired Eli");
        try (Chromium browser = new Chromium(base(), "staff")) {
            browser.open("/staff");
            browser.checkStaff("sign-in");
            browser.type("#username", "caseworker");
            browser.type("#password", "wrong");
            browser.press("Sign in");
            assertThat(browser.text()).contains("Enter a correct username and password");
            browser.checkStaff("sign-in-error");
            signIn(browser, "caseworker");
            browser.open("/staff/onboardings/new");
            browser.checkStaff("start-onboarding");
            browser.press("Send setup email");
            assertThat(browser.text()).contains("There is a problem");
            browser.checkStaff("start-onboarding-errors");
            browser.type("#applicantEmail", "queue.browser@example.org");
            browser.type("#recordReference", "CR-5001");
            browser.type("#recordName", "Queued Quinn");
            browser.press("Send setup email");
            assertThat(browser.find("#setupCode").isDisplayed()).as("setup code field at once").isTrue();
            browser.checkStaff("onboarding");

            WebElement queue = Eventually.value("queue lists the setup code to confirm", () -> {
                browser.open("/staff");
                return browser.driver.findElements(By.cssSelector("#queue tr[data-kind=CONFIRM_SETUP_CODE]")).stream()
                        .filter(row -> row.getText().contains("Queued Quinn")).findFirst();
            });
            assertThat(queue.getText()).contains("Setup code to confirm", "less than a minute");
            String text = browser.find("#queue").getText();
            assertThat(text).contains("Declined Dana", "Access declined: explain why", "Expired Eli",
                    "Ran out of time: invite again", "2 days");
            browser.checkStaff("home-queue");
            browser.screenshotAt("home-queue-320px", 320, 1);

            WebElement explained = browser.driver.findElements(By.cssSelector("#queue tr")).stream()
                    .filter(row -> row.getText().contains("Declined Dana")).findFirst().orElseThrow();
            browser.navigating(() -> explained.findElement(By.cssSelector("button")).click());
            assertThat(browser.text()).contains("Declined Dana is off your list");
            assertThat(browser.find("#queue").getText()).doesNotContain("Declined Dana").contains("Expired Eli");

            browser.open("/staff/onboardings");
            browser.checkStaff("onboardings");
            browser.open("/staff/onboardings/" + expired);
            browser.checkStaff("onboarding-expired");
            browser.open("/staff/reviews");
            assertThat(browser.driver.getTitle()).contains("You cannot see this page");
            browser.checkStaff("forbidden");
        }
    }

    @Test
    void reviewerPages() {
        UUID waiting = anOnboarding("IN_PROGRESS", null, "Reviewed Robin");
        UUID account = anAccessRequest(waiting);
        try (Chromium browser = new Chromium(base(), "reviewer")) {
            browser.open("/staff");
            signIn(browser, "reviewer");
            browser.checkStaff("home");
            browser.open("/staff/reviews");
            browser.checkStaff("reviews");
            browser.open("/staff/reviews/" + waiting);
            browser.checkStaff("review");
            browser.open("/staff/reviews/" + waiting + "/decline");
            browser.checkStaff("review-decline");
            browser.press("Decline access");
            assertThat(browser.text()).contains("Enter why you are declining");
            browser.checkStaff("review-decline-error");
        }
        try (Chromium browser = new Chromium(base(), "manager")) {
            browser.open("/staff");
            signIn(browser, "manager");
            browser.open("/staff/accounts/" + account + "/phone");
            browser.checkStaff("account-phone");
        }
    }

    @Test
    void managerDashboard() {
        try (Chromium browser = new Chromium(base(), "dashboard")) {
            browser.open("/staff");
            signIn(browser, "manager");
            assertThat(browser.find("#queue h2").getText()).isEqualTo("Needs a caseworker now");
            browser.checkStaff("manager-home");
            browser.navigating(() -> browser.find("#dashboard-link").click());
            assertThat(browser.path()).isEqualTo("/staff/dashboard");
            for (String chart : new String[] {"chart-funnel", "chart-outcomes", "chart-step-times", "chart-trend"}) {
                WebElement svg = browser.find("svg#" + chart);
                assertThat(svg.getAttribute("role")).isEqualTo("img");
                assertThat(svg.getAttribute("aria-labelledby")).isEqualTo(chart + "-title " + chart + "-desc");
                assertThat(svg.findElement(By.cssSelector("title")).getAttribute("textContent")).isNotBlank();
                assertThat(svg.findElement(By.cssSelector("desc")).getAttribute("textContent")).isNotBlank();
            }
            assertThat(browser.driver.findElements(By.cssSelector("#funnel-table tbody tr"))).hasSize(15);
            browser.checkStaff("dashboard");
            browser.screenshotAt("dashboard-320px", 320, 1);
            browser.screenshotAt("dashboard-200pc", 640, 2);
            assertThat(browser.driver.findElements(By.cssSelector("script[src]")).stream()
                    .map(s -> s.getAttribute("src")))
                    .allMatch(src -> src.startsWith(base()), "scripts only from this service");

            new org.openqa.selenium.support.ui.Select(browser.find("#weeks")).selectByValue("52");
            browser.press("Show");
            assertThat(browser.driver.getCurrentUrl()).endsWith("/staff/dashboard?weeks=52");
            assertThat(browser.find("#weeks").getAttribute("value")).isEqualTo("52");
        }
    }

    @Test
    void footerPagesOnEveryPageForApplicantsAndStaff() {
        try (Chromium browser = new Chromium(base(), "about")) {
            browser.open("/sign-in");
            for (String[] page : new String[][] {{"Accessibility statement", "/accessibility"},
                    {"Privacy notice", "/privacy"}, {"Cookies", "/cookies"}}) {
                WebElement link = browser.driver.findElements(By.cssSelector("footer a")).stream()
                        .filter(a -> a.getText().equals(page[0])).findFirst().orElseThrow();
                browser.navigating(link::click);
                assertThat(browser.path()).isEqualTo(page[1]);
                assertThat(browser.find("h1").getText()).isEqualTo(page[0]);
                browser.check(page[1].substring(1));
            }
            assertThat(browser.text()).contains("SESSION", "after 30 minutes without using the service");
            browser.open("/privacy");
            assertThat(browser.find("#retention").getText()).contains("90 days after it ended");
            browser.open("/accessibility");
            assertThat(browser.text()).contains("Norfolk County Council", "Children's Services Online",
                    "childrens.services.online@council.example.org");
            browser.open("/staff");
            assertThat(browser.driver.findElements(By.cssSelector("#footer-about a")).stream().map(WebElement::getText))
                    .containsExactly("Accessibility statement", "Privacy notice", "Cookies");
        }
    }

    private static void signIn(Chromium browser, String username) {
        browser.type("#username", username);
        browser.type("#password", "demo");
        browser.press("Sign in");
        assertThat(browser.text()).contains("Signed in as " + username);
    }

    /** An onboarding of the demo caseworker, two days old, in the given state. */
    private UUID anOnboarding(String status, String reason, String recordName) {
        UUID id = UUID.randomUUID();
        Timestamp twoDaysAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(2)).minusSeconds(60));
        jdbc.sql("insert into onboarding (id, applicant_email, record_reference, record_name, caseworker, status, "
                        + "cancellation_reason, created_at, updated_at) values (?, 'browser@example.org', 'CR-5', ?, "
                        + "'caseworker', ?, ?, ?, ?)")
                .params(id, recordName, status, reason, twoDaysAgo, twoDaysAgo).update();
        return id;
    }

    private void aDecision(UUID onboarding, String decision) {
        anAccessRequest(onboarding);
        jdbc.sql("update access_request set decision = ?, decided_at = ?, decline_reason = 'Not the right record' "
                        + "where onboarding_id = ?")
                .params(decision, Timestamp.from(Instant.now().minus(Duration.ofDays(2)).minusSeconds(60)), onboarding)
                .update();
    }

    /** The applicant's side (guide steps 4-14) is OnboardingJourneyIT's; here just the rows it leaves. */
    private UUID anAccessRequest(UUID onboarding) {
        UUID account = UUID.randomUUID();
        jdbc.sql("insert into account (id, email, given_name, surname, password_hash, phone_e164, status, "
                        + "onboarding_id, created_at) values (?, ?, 'A', 'B', 'x', '+447400123999', 'ACTIVE', ?, ?)")
                .params(account, "browser-" + onboarding + "@example.org", onboarding, Timestamp.from(Instant.now()))
                .update();
        jdbc.sql("update onboarding set account_id = ? where id = ?").params(account, onboarding).update();
        jdbc.sql("insert into access_request (onboarding_id, account_id, submitted_at) values (?, ?, ?)")
                .params(onboarding, account, Timestamp.from(Instant.now())).update();
        return account;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
