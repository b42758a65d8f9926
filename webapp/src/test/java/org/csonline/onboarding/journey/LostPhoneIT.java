package org.csonline.onboarding.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.csonline.onboarding.journey.Browser.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * "I no longer have this phone", over HTTP: the caseworker removes the account's phone on its staff page, and the
 * applicant's next sign-in (password right) registers the phone they have now with a code, then signs them in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cso.engine.port=0",
        "cso.process.invitation-release-delay=PT1S"})
@ActiveProfiles("local")
class LostPhoneIT {

    static final String PASSWORD = "a phone in the canal";
    static final String OLD_PHONE = "+447400555001";
    static final String NEW_PHONE = "+447400555002";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void theCaseworkerRemovesALostPhoneAndTheApplicantRegistersANewOneAtSignIn() {
        String email = "lost.phone." + UUID.randomUUID() + "@example.org";
        UUID account = UUID.randomUUID();
        jdbc.sql("insert into account (id, email, given_name, surname, password_hash, phone_e164, status, created_at, "
                        + "activated_at) values (?, ?, 'Lou', 'Phoneless', ?, ?, 'ACTIVE', ?, ?)")
                .params(account, email, passwords.encode(PASSWORD), OLD_PHONE, Timestamp.from(Instant.now()),
                        Timestamp.from(Instant.now()))
                .update();
        Outbox outbox = new Outbox(new Browser(base()));

        // The lost-phone page says what will happen.
        Page lostPhone = new Browser(base()).get("/sign-in/lost-phone");
        assertThat(lostPhone.text()).contains("remove the old phone number",
                "register the phone you have now").doesNotContain("new invitation");

        // A reviewer may not; a caseworker sees the masked number and removes it after confirming.
        Page forReviewer = staff("reviewer").get("/staff/accounts/" + account + "/phone");
        assertThat(forReviewer.status()).isEqualTo(403);
        Browser caseworker = staff("caseworker");
        Page phonePage = caseworker.get("/staff/accounts/" + account + "/phone");
        assertThat(phonePage.html().selectFirst("#phone").text()).isEqualTo("+44*******001");
        assertThat(phonePage.text()).doesNotContain(OLD_PHONE);
        Page confirm = caseworker.get(phonePage.html().selectFirst("a.govuk-button").attr("href"));
        assertThat(confirm.text()).contains("Are you sure you want to remove +44*******001?");
        Page removed = caseworker.submit(confirm, "Yes, remove phone number");
        assertThat(removed.text()).contains("Phone number removed", "None: they will register a new phone");
        assertThat(jdbc.sql("select phone_e164 from account where id = ?").param(account).query(String.class)
                .optional()).isEmpty();
        assertThat(jdbc.sql("select actor from audit_event where event = 'PHONE_REMOVED' and account_id = ?")
                .param(account).query(String.class).list()).containsExactly("staff:caseworker");

        // The applicant's next sign-in: password, then the new phone and its code, then signed in.
        Browser applicant = new Browser(base());
        Page newPhone = applicant.submit(applicant.get("/sign-in"), "Sign in",
                Map.of("email", email, "password", PASSWORD));
        assertThat(newPhone.uri().getPath()).isEqualTo("/sign-in/new-phone");
        assertThat(newPhone.text()).contains("Register your new phone", "Send Code", "Call me");
        Page invalid = applicant.submit(newPhone, "Send Code", Map.of("phoneNumber", "12"));
        assertThat(invalid.errorSummary()).contains("Enter a UK mobile or landline number");
        assertThat(invalid.fieldValue("phoneNumber")).isEqualTo("12");
        int calls = outbox.count(Outbox.phone("call", NEW_PHONE));
        Page codePage = applicant.submit(invalid, "Call me", Map.of("phoneNumber", "07400 555002"));
        assertThat(codePage.text()).contains("+44*******002", "Not received a call?");
        String code = outbox.await("call to the new phone", Outbox.phone("call", NEW_PHONE), calls)
                .find("code is ((?:\\d, ){5}\\d)").replace(", ", "");
        Page wrong = applicant.submit(codePage, "Verify Code", Map.of("code", code.equals("000000") ? "111111" : "000000"));
        assertThat(wrong.errorSummary()).contains("The code is not right");
        assertThat(applicant.get("/records").uri().getPath()).as("not signed in yet").isEqualTo("/sign-in");
        Page records = applicant.submit(applicant.get("/sign-in/new-phone/code"), "Verify Code", Map.of("code", code));
        assertThat(records.text()).contains("Your records", "Sign out");
        assertThat(jdbc.sql("select phone_e164 from account where id = ?").param(account).query(String.class)
                .single()).isEqualTo(NEW_PHONE);

        // From now on the sign-in code goes to the new phone.
        Browser later = new Browser(base());
        int texts = outbox.count(Outbox.phone("sms", NEW_PHONE));
        Page signInCode = later.submit(later.get("/sign-in"), "Sign in", Map.of("email", email, "password", PASSWORD));
        assertThat(signInCode.text()).contains("Check your phone", "+44*******002");
        outbox.await("sign-in text to the new phone", Outbox.phone("sms", NEW_PHONE), texts);
        assertThat(later.get("/sign-in/new-phone").uri().getPath()).as("only an account without a phone")
                .isEqualTo("/sign-in");
    }

    private Browser staff(String username) {
        Browser browser = new Browser(base());
        Page home = browser.submit(browser.get("/staff"), "Sign in", Map.of("username", username, "password", "demo"));
        assertThat(home.text()).contains("Signed in as " + username);
        return browser;
    }
}
