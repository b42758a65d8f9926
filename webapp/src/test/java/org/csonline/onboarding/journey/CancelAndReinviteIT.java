package org.csonline.onboarding.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.csonline.onboarding.journey.Browser.Page;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The caseworker's ends of an onboarding, over HTTP against the running app and the real model: cancel with a
 * reason at any point; after an expiry, see why on the page and invite again with one action.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cso.engine.port=0",
        "cso.process.setup-code-confirmation-period=PT6S"})
@ActiveProfiles("local")
// Its settings are its own, so no other test class can reuse this application: close it (and its engine) when done.
@DirtiesContext
class CancelAndReinviteIT {

    static final String SETUP_SUBJECT = "Set up your Children's Services Online Account";

    @LocalServerPort
    int port;

    @Test
    void caseworkerCancelsWithAReasonAndTheSetupCodeStopsWorking() {
        Browser caseworker = staff();
        Page onboarding = start(caseworker, "cancel.me@example.org", "CR-2001");

        Page missing = caseworker.submit(onboarding, "Cancel onboarding", Map.of("cancellationNote", " "));
        assertThat(missing.errorSummary()).contains("Enter why you are cancelling this onboarding");

        Page cancelled = caseworker.submit(missing, "Cancel onboarding",
                Map.of("cancellationNote", "Family moved to another council"));
        assertThat(cancelled.text()).contains("Onboarding cancelled", "Cancelled by the caseworker",
                "Family moved to another council");
        assertThat(cancelled.text()).doesNotContain("Confirm the setup code");
        Eventually.value("timeline shows the cancellation", () -> {
            Page page = caseworker.get(onboarding.uri().toString());
            return page.text().contains("Finished: cancelled by the caseworker") ? Optional.of(page) : Optional.empty();
        });
        Page again = caseworker.get(onboarding.uri().toString());
        assertThat(again.html().select("button").eachText()).doesNotContain("Cancel onboarding", "Invite again");
    }

    @Test
    void expiredSetupCodeIsShownAndOneActionInvitesAgain() {
        Browser caseworker = staff();
        Outbox outbox = new Outbox(new Browser(base()));
        String applicant = "expire.me@example.org";
        Page onboarding = start(caseworker, applicant, "CR-2002");
        outbox.await("first setup email", Outbox.email(applicant, SETUP_SUBJECT), 0);

        Page expired = Eventually.value("the setup code expires", () -> {
            Page page = caseworker.get(onboarding.uri().toString());
            return page.text().contains("Invite again") && page.text().contains("The setup code expired")
                    ? Optional.of(page) : Optional.empty();
        });
        assertThat(expired.text()).contains("The setup code was not confirmed in time");

        Page reinvited = caseworker.submit(expired, "Invite again");
        assertThat(reinvited.uri()).isNotEqualTo(onboarding.uri());
        assertThat(reinvited.text()).contains("New invitation started", applicant, "the earlier onboarding");
        outbox.await("second setup email", Outbox.email(applicant, SETUP_SUBJECT), 1);

        Page old = caseworker.get(onboarding.uri().toString());
        assertThat(old.text()).contains("the new onboarding").doesNotContain("Invite again");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private Browser staff() {
        Browser browser = new Browser(base());
        Page signIn = browser.get("/staff");
        browser.submit(signIn, "Sign in", Map.of("username", "caseworker", "password", "demo"));
        return browser;
    }

    private Page start(Browser caseworker, String applicant, String reference) {
        Page form = caseworker.get("/staff/onboardings/new");
        Page onboarding = caseworker.submit(form, "Send setup email", Map.of("applicantEmail", applicant,
                "recordReference", reference, "recordName", "Riley"));
        assertThat(onboarding.uri().getPath()).startsWith("/staff/onboardings/");
        return onboarding;
    }
}
