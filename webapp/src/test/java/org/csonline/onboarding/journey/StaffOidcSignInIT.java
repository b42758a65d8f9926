package org.csonline.onboarding.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.audit.AuditEntry;
import org.csonline.onboarding.audit.AuditEvent;
import org.csonline.onboarding.audit.AuditLog;
import org.csonline.onboarding.journey.Browser.Page;
import org.csonline.onboarding.journey.TestIdentityProvider.IdTokens;
import org.csonline.onboarding.journey.TestIdentityProvider.Person;
import org.csonline.onboarding.notice.StaffNoticeKind;
import org.csonline.onboarding.notice.StaffNoticeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Staff sign in with a real OpenID Connect provider started in the test ({@link TestIdentityProvider}), through the
 * whole redirect flow: the app's sign-in page, the provider's, the code exchange and ID token checks, the roles from
 * the {@code groups} claim, sign-out at both ends, and a caseworker's pages for an onboarding owned by the subject.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cso.engine.port=0",
        "cso.process.invitation-release-delay=PT1S",
        // The local profile's demo users off: configured users and a provider together stop the app.
        "cso.staff.users=",
        "cso.staff.oidc.client-id=" + TestIdentityProvider.CLIENT_ID,
        "cso.staff.oidc.client-secret=" + TestIdentityProvider.CLIENT_SECRET,
        "cso.staff.oidc.provider-name=Test Council staff sign-in",
        "cso.staff.oidc.role-claim=groups",
        "cso.staff.oidc.roles.caseworker=cso-caseworkers,cso-managers",
        "cso.staff.oidc.roles.reviewer=cso-reviewers,cso-managers",
        "cso.staff.oidc.roles.manager=cso-managers"})
@ActiveProfiles("local")
@DirtiesContext
class StaffOidcSignInIT {

    static final Person ALICE = new Person("alice", "0c5e7d58-4f4a-4f57-9a57-4d1f8e0a1a11", "Alice Caseworker",
            "alice@council.example", List.of("cso-caseworkers", "all-staff"));
    static final Person BOB = new Person("bob", "6b2d1a40-93c1-4c5e-8f0e-2c7b9d3e4f22", "Bob Reviewer",
            "bob@council.example", List.of("cso-reviewers"));
    static final Person CAROL = new Person("carol", "9a4f3e21-7b6c-4d8e-a1f2-3b4c5d6e7f33", "Carol Manager",
            "carol@council.example", List.of("cso-managers"));
    static final Person DAN = new Person("dan", "f1e2d3c4-b5a6-4978-8695-a4b3c2d1e044", "Dan Finance",
            "dan@council.example", List.of("finance", "all-staff"));

    static final TestIdentityProvider provider = TestIdentityProvider.start(ALICE, BOB, CAROL, DAN);

    @DynamicPropertySource
    static void councilProvider(DynamicPropertyRegistry registry) {
        registry.add("cso.staff.oidc.issuer-uri", provider::issuer);
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    StaffNoticeService notices;

    /** 127.0.0.1, not localhost: an OAuth 2.1 provider accepts loopback redirects only to an IP literal. */
    String base() {
        return "http://127.0.0.1:" + port;
    }

    @BeforeEach
    void genuineTokens() {
        provider.appRunsAt(base());
        provider.issue(IdTokens.GENUINE);
    }

    @AfterEach
    void restoreAlice() {
        provider.update(ALICE);
    }

    @Test
    void caseworkerGetsTheCaseworkerPagesOnly() {
        Browser alice = new Browser(base());
        Page home = signIn(alice, ALICE);

        assertThat(home.uri().getPath()).isEqualTo("/staff");
        assertThat(home.text()).contains("Signed in as Alice Caseworker", "Start an onboarding", "Your onboardings")
                .doesNotContain("Access reviews", "All onboardings");
        assertThat(alice.get("/staff/reviews").status()).isEqualTo(403);
        assertThat(lastAudit(AuditEvent.STAFF_SIGNED_IN, ALICE).detail()).isEqualTo("roles CASEWORKER");
    }

    @Test
    void reviewerGetsTheReviewQueueOnly() {
        Browser bob = new Browser(base());
        Page home = signIn(bob, BOB);

        assertThat(home.text()).contains("Signed in as Bob Reviewer", "Access reviews")
                .doesNotContain("Start an onboarding");
        assertThat(bob.get("/staff/reviews").status()).isEqualTo(200);
        assertThat(bob.get("/staff/onboardings").status()).isEqualTo(403);
        assertThat(lastAudit(AuditEvent.STAFF_SIGNED_IN, BOB).detail()).isEqualTo("roles REVIEWER");
    }

    @Test
    void managerGroupGivesEveryRole() {
        Browser carol = new Browser(base());
        Page home = signIn(carol, CAROL);

        assertThat(home.text()).contains("Signed in as Carol Manager", "Start an onboarding", "All onboardings",
                "Access reviews");
        assertThat(lastAudit(AuditEvent.STAFF_SIGNED_IN, CAROL).detail())
                .isEqualTo("roles CASEWORKER,MANAGER,REVIEWER");
    }

    @Test
    void someoneWithNoMappedGroupGetsThe403PageAndCanSignOut() {
        Browser dan = new Browser(base());
        Page home = signIn(dan, DAN);

        assertThat(home.uri().getPath()).isEqualTo("/staff");
        assertThat(home.status()).isEqualTo(403);
        assertThat(home.text()).contains("ask your manager");
        assertThat(dan.get("/staff/onboardings").status()).isEqualTo(403);
        assertThat(lastAudit(AuditEvent.STAFF_SIGNED_IN, DAN).detail()).isEqualTo("no staff role");

        Page signedOut = dan.submit(home, "Sign out");
        assertThat(signedOut.uri().toString()).isEqualTo(base() + "/staff/sign-in?signedOut");
        assertThat(signedOut.text()).contains("You have signed out");
    }

    @Test
    void expiredIdTokenIsRefused() {
        provider.issue(IdTokens.EXPIRED);
        Browser alice = new Browser(base());
        int failures = auditCount(AuditEvent.STAFF_SIGN_IN_FAILED);

        Page refused = signIn(alice, ALICE);

        assertRefused(alice, refused, failures);
    }

    @Test
    void idTokenAlteredOnTheWayIsRefused() {
        // Someone between the provider and the app makes Alice's token say she is the manager.
        provider.tamperTo(CAROL.subject());
        provider.issue(IdTokens.TAMPERED);
        Browser alice = new Browser(base());
        int failures = auditCount(AuditEvent.STAFF_SIGN_IN_FAILED);

        Page refused = signIn(alice, ALICE);

        assertRefused(alice, refused, failures);
    }

    @Test
    void signOutEndsTheAppSessionAndTheProviderSession() {
        Browser alice = new Browser(base());
        Page home = signIn(alice, ALICE);
        int providerSignOuts = provider.signOuts();

        Page signedOut = alice.submit(home, "Sign out");

        // RP-initiated logout: through the provider's end_session_endpoint and back to our sign-in page.
        assertThat(signedOut.visited()).anySatisfy(uri -> assertThat(uri.toString())
                .startsWith(provider.issuer() + "/connect/logout?id_token_hint="));
        assertThat(provider.signOuts()).isEqualTo(providerSignOuts + 1);
        assertThat(signedOut.visited()).contains(URI.create(base() + "/staff/signed-out"));
        assertThat(signedOut.uri().toString()).isEqualTo(base() + "/staff/sign-in?signedOut");
        assertThat(signedOut.text()).contains("You have signed out");
        // The app's session is gone...
        assertThat(alice.get("/staff").uri().getPath()).isEqualTo("/staff/sign-in");
        // ...and so is the provider's: signing in again asks for the password.
        Page again = alice.get(alice.get("/staff/sign-in").html().selectFirst("#provider-sign-in").attr("href"));
        assertThat(again.uri().toString()).isEqualTo(provider.issuer() + "/login");
        assertThat(auditCount(AuditEvent.STAFF_SIGNED_IN)).isPositive();
    }

    @Test
    void ssoCaseworkerStartsFollowsAndConfirmsAnOnboardingOwnedByTheirSubject() {
        Browser alice = new Browser(base());
        signIn(alice, ALICE);
        Page started = alice.submit(alice.get("/staff/onboardings/new"), "Send setup email", Map.of(
                "applicantEmail", "sso.applicant@example.org", "recordReference", "CR-1201", "recordName", "Sam"));
        assertThat(started.uri().getPath()).startsWith("/staff/onboardings/");
        UUID id = UUID.fromString(started.uri().getPath().substring("/staff/onboardings/".length()));
        assertThat(jdbc.sql("select caseworker from onboarding where id = ?").param(id).query(String.class).single())
                .isEqualTo(ALICE.subject());

        // Alice's name and address change in the directory; her subject does not, so her onboardings stay hers.
        Person renamed = new Person("alice", ALICE.subject(), "Alice Smith", "alice.smith@council.example",
                ALICE.groups());
        provider.update(renamed);
        Browser aliceLater = new Browser(base());
        assertThat(signIn(aliceLater, renamed).text()).contains("Signed in as Alice Smith");
        Page list = aliceLater.get("/staff/onboardings");
        assertThat(list.text()).contains("Sam", "sso.applicant@example.org");

        Outbox outbox = new Outbox(new Browser(base()));
        String code = outbox.await("setup email", Outbox.email("sso.applicant@example.org",
                "Set up your Children's Services Online Account"), 0).find("setup code is: ([A-Z0-9-]+)");
        Page confirm = Eventually.value("setup code field", () -> {
            Page page = aliceLater.get("/staff/onboardings/" + id);
            return page.text().contains("Confirm the setup code") ? Optional.of(page) : Optional.empty();
        });
        Page confirmed = aliceLater.submit(confirm, "Confirm", Map.of("setupCode", code));
        assertThat(confirmed.text()).contains("Setup code confirmed");

        // Staff notices go to the address the provider gave at her latest sign-in.
        notices.tellCaseworkerNow(id, StaffNoticeKind.ACCESS_DECLINED);
        outbox.await("staff notice", m -> m.channel().equals("email")
                && m.to().equals("alice.smith@council.example") && m.body().contains("/staff/onboardings/" + id), 0);
        assertThat(outbox.count(m -> m.to().equals(ALICE.email()))).isZero();

        // The manager's list names the caseworker; the audit log knows her by subject.
        Browser carol = new Browser(base());
        signIn(carol, CAROL);
        assertThat(carol.get("/staff/onboardings").html().select("tr").stream()
                .filter(row -> row.text().contains("sso.applicant@example.org")).findFirst().orElseThrow().text())
                .contains("Alice Smith").doesNotContain(ALICE.subject());
        assertThat(lastAudit(AuditEvent.STAFF_SIGNED_IN, renamed).actor()).isEqualTo("staff:" + ALICE.subject());
    }

    /** In a real browser: the staff pages' security policy lets sign-out go to the provider and back. */
    @Test
    void chromiumSignsInAndOutThroughTheProvider() {
        try (Chromium chromium = new Chromium(base(), "staff-oidc")) {
            chromium.open("/staff");
            assertThat(chromium.path()).isEqualTo("/staff/sign-in");
            chromium.checkAccessibility("staff sign-in with a provider");
            // The provider's own page has no GOV.UK Frontend script to wait for: wait for its address instead.
            chromium.find("#provider-sign-in").click();
            waitForAddress(chromium, provider.issuer() + "/login");
            chromium.driver.findElement(By.id("username")).sendKeys(ALICE.username());
            chromium.driver.findElement(By.id("password")).sendKeys(TestIdentityProvider.PASSWORD);
            chromium.driver.findElement(By.cssSelector("button[type=submit]")).click();
            waitForAddress(chromium, base() + "/staff");
            chromium.waitForScripts();
            assertThat(chromium.path()).isEqualTo("/staff");
            assertThat(chromium.text()).contains("Signed in as Alice Caseworker");
            int providerSignOuts = provider.signOuts();

            chromium.press("Sign out");

            assertThat(chromium.driver.getCurrentUrl()).isEqualTo(base() + "/staff/sign-in?signedOut");
            assertThat(chromium.text()).contains("You have signed out");
            assertThat(provider.signOuts()).isEqualTo(providerSignOuts + 1);
        }
    }

    private static void waitForAddress(Chromium chromium, String address) {
        try {
            // The query aside: after sign-in, Spring Security marks the page it saved with "?continue".
            new WebDriverWait(chromium.driver, Duration.ofSeconds(10))
                    .until(d -> d.getCurrentUrl().split("\\?")[0].equals(address));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Waited for " + address + ", still at " + chromium.driver.getCurrentUrl() + ":\n"
                    + chromium.text(), e);
        }
    }

    /** From the app's staff page, through the provider's sign-in page, to wherever the app sends them after. */
    private Page signIn(Browser browser, Person person) {
        Page signInPage = browser.get("/staff");
        assertThat(signInPage.uri().getPath()).isEqualTo("/staff/sign-in");
        assertThat(signInPage.text()).contains("Sign in with Test Council staff sign-in");
        Page providerPage = browser.get(signInPage.html().selectFirst("#provider-sign-in").attr("href"));
        assertThat(providerPage.uri().toString()).isEqualTo(provider.issuer() + "/login");
        return browser.submitForm(providerPage, "form", Map.of("username", person.username(),
                "password", TestIdentityProvider.PASSWORD));
    }

    private void assertRefused(Browser browser, Page refused, int failuresBefore) {
        assertThat(refused.uri().toString()).isEqualTo(base() + "/staff/sign-in?error");
        assertThat(refused.errorSummary()).contains("Signing in did not work");
        assertThat(browser.get("/staff").uri().getPath()).isEqualTo("/staff/sign-in");
        assertThat(auditCount(AuditEvent.STAFF_SIGN_IN_FAILED)).isEqualTo(failuresBefore + 1);
        assertThat(audit.recent(20)).filteredOn(e -> e.event() == AuditEvent.STAFF_SIGN_IN_FAILED).first()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("OIDC invalid_id_token"));
    }

    private AuditEntry lastAudit(AuditEvent event, Person person) {
        return audit.recent(50).stream()
                .filter(e -> e.event() == event && e.actor().equals("staff:" + person.subject()))
                .findFirst().orElseThrow(() -> new AssertionError("No " + event + " for " + person.username()));
    }

    private int auditCount(AuditEvent event) {
        return jdbc.sql("select count(*) from audit_event where event = ?").param(event.name())
                .query(Integer.class).single();
    }
}
