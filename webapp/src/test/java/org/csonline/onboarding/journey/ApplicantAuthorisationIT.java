package org.csonline.onboarding.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.csonline.onboarding.journey.Browser.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every applicant URL, tried with another applicant's session and with none: nobody sees another applicant's
 * email address, phone or record, and without a session every page refuses or sends the visitor to sign in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cso.engine.port=0",
        "cso.process.invitation-release-delay=PT1S"})
@ActiveProfiles("local")
class ApplicantAuthorisationIT {

    static final List<String> PAGES = List.of("/signup/email", "/signup/verify", "/signup/verified",
            "/signup/details", "/signup/phone", "/signup/phone/code", "/setup", "/setup/submit", "/records",
            "/sign-in/code", "/sign-in/forgotten-password/email-code", "/sign-in/forgotten-password/phone-code",
            "/sign-in/forgotten-password/new");
    static final List<String> ACTIONS = List.of("/signup/email", "/signup/verify", "/signup/verify/resend",
            "/signup/details", "/signup/phone", "/signup/phone/again", "/signup/phone/code", "/setup",
            "/setup/submit", "/sign-in", "/sign-in/code", "/sign-in/code/resend", "/sign-in/forgotten-password",
            "/sign-in/forgotten-password/email-code", "/sign-in/forgotten-password/phone-code",
            "/sign-in/forgotten-password/new", "/sign-out");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void noApplicantSeesAnotherApplicantsDataAndNoPageOpensWithoutASession() throws Exception {
        Staff staff = new Staff(base());
        Applicant ada = new Applicant("ada.auth@example.org", "07400 123461", "+447400123461", "Ada Private", "CR-3001");
        Applicant bo = new Applicant("bo.auth@example.org", "07400 123462", "+447400123462", "Bo Private", "CR-3002");

        Browser adaBrowser = ada.signUpToSetup(staff);
        Page adaSubmitted = adaBrowser.submit(adaBrowser.submit(adaBrowser.get("/setup"), "Confirm", Map.of(
                "recordSelected", "CR-3001", "confirmRecord", "yes")), "Submit");
        assertThat(adaSubmitted.text()).contains("Request submitted");
        staff.approve(ada.email, ada.record);
        Browser adaSignedIn = ada.signIn(staff.outbox());
        assertThat(adaSignedIn.get("/records").html().select(".record-name").eachText()).containsExactly("Ada Private");

        Browser boBrowser = bo.signUpToSetup(staff);
        assertThat(boBrowser.get("/setup").text()).contains("Bo Private");

        for (String path : PAGES) {
            Page asBo = boBrowser.get(path);
            assertThat(asBo.text()).as("%s with Bo's session", path).doesNotContain(ada.email, ada.record, ada.masked());
            Page asAda = adaSignedIn.get(path);
            assertThat(asAda.text()).as("%s with Ada's session", path).doesNotContain(bo.email, bo.record, bo.masked());
            Page asNobody = new Browser(base()).get(path);
            assertThat(asNobody.text()).as("%s with no session", path)
                    .doesNotContain(ada.email, ada.record, ada.masked(), bo.email, bo.record, bo.masked());
            boolean refused = asNobody.status() == 403 || asNobody.uri().getPath().equals("/sign-in")
                    || asNobody.uri().getPath().equals("/sign-in/forgotten-password");
            assertThat(refused).as("%s with no session ended at %s (%d)", path, asNobody.uri(), asNobody.status())
                    .isTrue();
        }
        assertThat(boBrowser.get("/records").uri().getPath()).as("Bo has not signed in").isEqualTo("/sign-in");

        HttpClient http = HttpClient.newHttpClient();
        noUserEnumerationAndAGrowingLockout(ada);
        theAuditLogRecordedTheJourneyWithoutSecrets(ada);

        for (String path : ACTIONS) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("code=123456&email=ada.auth%40example.org")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("POST %s without a session or CSRF token", path).isEqualTo(403);
        }
    }

    /** A wrong password and an unknown email get the same page; both lock after 6 failures. */
    private void noUserEnumerationAndAGrowingLockout(Applicant known) {
        Browser browser = new Browser(base());
        Page wrongPassword = browser.submit(browser.get("/sign-in"), "Sign in", Map.of("email", known.email,
                "password", "not my password"));
        Page unknownEmail = browser.submit(browser.get("/sign-in"), "Sign in", Map.of("email", "nobody.enum@example.org",
                "password", "not my password"));
        assertThat(wrongPassword.status()).isEqualTo(unknownEmail.status());
        assertThat(wrongPassword.errorSummary()).isEqualTo(unknownEmail.errorSummary())
                .contains("Enter a correct email address and password");
        for (int i = 0; i < 5; i++) {
            wrongPassword = browser.submit(browser.get("/sign-in"), "Sign in", Map.of("email", known.email,
                    "password", "not my password " + i));
            unknownEmail = browser.submit(browser.get("/sign-in"), "Sign in", Map.of("email", "nobody.enum@example.org",
                    "password", "not my password " + i));
        }
        assertThat(wrongPassword.errorSummary()).isEqualTo(unknownEmail.errorSummary());
        Page locked = browser.submit(browser.get("/sign-in"), "Sign in", Map.of("email", known.email,
                "password", ApplicantPagesIT.PASSWORD));
        assertThat(locked.errorSummary()).as("even the right password waits out the lockout")
                .contains("too many times", "Wait 1 minute,");
        Page lockedUnknown = browser.submit(browser.get("/sign-in"), "Sign in", Map.of("email",
                "nobody.enum@example.org", "password", "anything"));
        assertThat(lockedUnknown.errorSummary()).isEqualTo(locked.errorSummary());
    }

    private void theAuditLogRecordedTheJourneyWithoutSecrets(Applicant applicant) {
        List<String> events = jdbc.sql("select event from audit_event").query(String.class).list();
        assertThat(events).contains("INVITATION_OPENED", "EMAIL_CODE_REQUESTED", "EMAIL_CODE_VERIFIED", "PASSWORD_SET",
                "PHONE_CODE_REQUESTED", "PHONE_CODE_VERIFIED", "ACCESS_REQUEST_SUBMITTED", "SIGN_IN_PASSWORD_ACCEPTED",
                "SIGN_IN_CODE_SENT", "SIGNED_IN", "SIGN_IN_PASSWORD_REJECTED", "SIGN_IN_LOCKED_OUT", "ACCESS_REFUSED",
                "STAFF_SIGNED_IN");
        List<String> rows = jdbc.sql("select concat(actor, ' ', coalesce(client_address, ''), ' ', "
                + "coalesce(detail, '')) from audit_event").query(String.class).list();
        assertThat(rows).allSatisfy(row -> assertThat(row).doesNotContain(ApplicantPagesIT.PASSWORD, "not my password")
                .doesNotContainPattern("\\b\\d{6}\\b"));
    }

    /** One applicant, driven without JavaScript as OnboardingJourneyIT does. */
    final class Applicant {

        final String email;
        final String phone;
        final String e164;
        final String record;
        final String reference;

        Applicant(String email, String phone, String e164, String record, String reference) {
            this.email = email;
            this.phone = phone;
            this.e164 = e164;
            this.record = record;
            this.reference = reference;
        }

        String masked() {
            return e164.substring(0, 3) + "*".repeat(e164.length() - 6) + e164.substring(e164.length() - 3);
        }

        Browser signUpToSetup(Staff staff) {
            String link = staff.invite(email, record, reference);
            Browser browser = new Browser(base());
            Page signIn = browser.submit(browser.get(link), "Continue");
            Page emailPage = browser.get(signIn.html().selectFirst("#sign-up-now").attr("href"));
            Page verify = browser.submit(emailPage, "Send verification code", Map.of("email", email));
            String code = staff.outbox().await("email code", Outbox.email(email,
                    "Norfolk County Council account verification code"), 0).find("verification code is: (\\d{6})");
            browser.submit(verify, "verify code", Map.of("code", code));
            Page phone = browser.submit(browser.get("/signup/details"), "Create", Map.of("givenName", "Pat",
                    "surname", "Private", "newPassword", ApplicantPagesIT.PASSWORD,
                    "confirmNewPassword", ApplicantPagesIT.PASSWORD));
            Page codePage = browser.submit(phone, "Send Code", Map.of("phoneNumber", this.phone));
            String sms = staff.outbox().await("text", Outbox.phone("sms", e164), 0).find("code is (\\d{6})");
            Page again = browser.submit(codePage, "Verify Code", Map.of("code", sms));
            Page secondCode = browser.submit(again, "Send Code");
            String sms2 = staff.outbox().await("second text", Outbox.phone("sms", e164), 1).find("code is (\\d{6})");
            Page setup = browser.submit(secondCode, "Verify Code", Map.of("code", sms2));
            assertThat(setup.text()).contains("Account setup", record);
            return browser;
        }

        Browser signIn(Outbox outbox) {
            Browser browser = new Browser(base());
            int texts = outbox.count(Outbox.phone("sms", e164));
            Page codePage = browser.submit(browser.get("/sign-in"), "Sign in", Map.of("email", email,
                    "password", ApplicantPagesIT.PASSWORD));
            String code = outbox.await("sign-in text", Outbox.phone("sms", e164), texts).find("code is (\\d{6})");
            Page records = browser.submit(codePage, "Continue", Map.of("code", code));
            assertThat(records.text()).contains("Your records");
            return browser;
        }
    }
}
