package org.csonline.onboarding.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.csonline.onboarding.journey.Browser.Page;

/** What staff do in a journey, over HTTP: invite, confirm the setup code, approve the access request. */
final class Staff {

    private final String base;
    private final Outbox outbox;
    private final Browser caseworker;
    private final Browser reviewer;

    Staff(String base) {
        this.base = base;
        this.outbox = new Outbox(new Browser(base));
        this.caseworker = signIn("caseworker");
        this.reviewer = signIn("reviewer");
    }

    Outbox outbox() {
        return outbox;
    }

    /** Steps 1-3: invites the applicant, confirms their setup code, and returns the invitation link's path. */
    String invite(String applicant, String recordName, String reference) {
        Page form = caseworker.get("/staff/onboardings/new");
        Page onboarding = caseworker.submit(form, "Send setup email", Map.of("applicantEmail", applicant,
                "recordReference", reference, "recordName", recordName));
        assertThat(onboarding.uri().getPath()).startsWith("/staff/onboardings/");
        String code = outbox.await("setup email", Outbox.email(applicant, "Set up your Children's Services Online Account"), 0)
                .find("setup code is: ([A-Z0-9-]+)");
        Page confirm = Eventually.value("setup code field", () -> {
            Page page = caseworker.get(onboarding.uri().toString());
            return page.text().contains("Confirm the setup code") ? Optional.of(page) : Optional.empty();
        });
        Page confirmed = caseworker.submit(confirm, "Confirm", Map.of("setupCode", code));
        assertThat(confirmed.text()).contains("Setup code confirmed");
        return URI.create(outbox.await("invitation email",
                        Outbox.email(applicant, "Accept Children's Services Online Account Invitation"), 0)
                .find("(http\\S+/invitation/\\S+)")).getPath();
    }

    /** Step 15: the reviewer approves; returns the activation email. */
    Outbox.Message approve(String applicant, String recordName) {
        Page queue = Eventually.value("review queue lists " + recordName, () -> {
            Page page = reviewer.get("/staff/reviews");
            return page.text().contains(recordName) ? Optional.of(page) : Optional.empty();
        });
        String href = queue.html().select("a").stream().filter(a -> a.text().equals(recordName)).findFirst()
                .orElseThrow().attr("href");
        Page done = reviewer.submit(reviewer.get(href), "Approve");
        assertThat(done.text()).contains("Access approved");
        return outbox.await("activation email", Outbox.email(applicant, "New Children's Services Online activation"), 0);
    }

    private Browser signIn(String username) {
        Browser browser = new Browser(base);
        Page home = browser.submit(browser.get("/staff"), "Sign in", Map.of("username", username, "password", "demo"));
        assertThat(home.text()).contains("Signed in as " + username);
        return browser;
    }
}
