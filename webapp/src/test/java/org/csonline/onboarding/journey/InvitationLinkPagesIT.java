package org.csonline.onboarding.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.csonline.onboarding.journey.Browser.Page;
import org.csonline.onboarding.support.Secrets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the invitation link's page says at each later stage of its onboarding. The rows are what the journey leaves
 * at that stage (OnboardingJourneyIT walks the journey itself and opens its used link again at the end).
 */
// The same configuration as OnboardingJourneyIT, so both share one application context (and one engine).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cso.engine.port=0",
        "cso.process.invitation-release-delay=PT1S"})
@ActiveProfiles("local")
class InvitationLinkPagesIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Secrets secrets;

    @Test
    void usedLinkSaysSoWithASignInLinkOnceSubmitted() {
        String token = anInvitation("IN_PROGRESS", null, true, Duration.ofDays(20));
        assertUsed(token);
    }

    @Test
    void usedLinkSaysSoWithASignInLinkOnceTheAccountIsActive() {
        assertUsed(anInvitation("COMPLETED", null, true, Duration.ofDays(20)));
    }

    @Test
    void usedLinkSaysSoEvenAfterItsOwnTimeRanOut() {
        assertUsed(anInvitation("COMPLETED", null, true, Duration.ofDays(-1)));
    }

    @Test
    void usedLinkSaysSoWhileAnotherOnboardingOfTheApplicantGoesOn() {
        String first = anInvitation("COMPLETED", null, true, Duration.ofDays(20));
        String second = anInvitation("IN_PROGRESS", null, false, Duration.ofDays(20));
        assertUsed(first);
        assertThat(new Browser(base()).get("/invitation/" + second).text()).contains("Accept your invitation");
    }

    @Test
    void cancelledInvitationSaysCancelled() {
        Page page = new Browser(base()).get("/invitation/"
                + anInvitation("CANCELLED", "CANCELLED_BY_CASEWORKER", false, Duration.ofDays(20)));
        assertThat(page.html().selectFirst("h1").text()).isEqualTo("This invitation has been cancelled");
        assertThat(page.text()).contains("Contact your caseworker").doesNotContain("already used");
    }

    @Test
    void expiredInvitationSaysExpiredBeforeAndAfterTheProcessEndedIt() {
        for (String token : new String[] {anInvitation("IN_PROGRESS", null, false, Duration.ofDays(-1)),
                anInvitation("CANCELLED", "INVITATION_EXPIRED", false, Duration.ofDays(-1))}) {
            Page page = new Browser(base()).get("/invitation/" + token);
            assertThat(page.html().selectFirst("h1").text()).isEqualTo("This invitation has expired");
            assertThat(page.text()).contains("send you a new invitation").doesNotContain("cancelled");
        }
    }

    private void assertUsed(String token) {
        Page page = new Browser(base()).get("/invitation/" + token);
        assertThat(page.html().selectFirst("h1").text()).isEqualTo("You have already used this invitation");
        assertThat(page.html().selectFirst("#used-sign-in").attr("href")).isEqualTo("/sign-in");
        assertThat(page.text()).doesNotContain("cancelled", "Accept your invitation");
        assertThat(page.html().select("main form")).as("nothing left to press").isEmpty();
    }

    /** An onboarding in the given state with an invitation link; returns the link's token. */
    private String anInvitation(String status, String reason, boolean opened, Duration validFor) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.sql("insert into onboarding (id, applicant_email, record_reference, record_name, caseworker, status, "
                        + "cancellation_reason, created_at, updated_at) values (?, 'link.pages@example.org', 'CR-4', "
                        + "'Riley', 'caseworker', ?, ?, ?, ?)")
                .params(id, status, reason, Timestamp.from(now), Timestamp.from(now)).update();
        String token = secrets.token();
        jdbc.sql("insert into invitation (onboarding_id, token_hash, expires_at, opened_at, created_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(id, secrets.hash(token), Timestamp.from(now.plus(validFor)),
                        opened ? Timestamp.from(now) : null, Timestamp.from(now)).update();
        return token;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
