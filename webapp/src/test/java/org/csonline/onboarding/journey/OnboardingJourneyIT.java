package org.csonline.onboarding.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.csonline.onboarding.journey.Browser.Page;
import org.csonline.onboarding.journey.Outbox.Message;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole guide, end to end, over real HTTP against the running application and the real process model on the
 * embedded engine with the app's real workers: caseworker (the first onboarding started from Tasklist's start form,
 * the second on our page), applicant (new account, then an existing one), reviewer, and sign-in afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cso.engine.port=0",
        "cso.process.invitation-release-delay=PT1S"})
@ActiveProfiles("local")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OnboardingJourneyIT {

    static final String APPLICANT = "sam.parent@example.org";
    static final String PASSWORD = "correct horse battery";
    static final String NEW_PASSWORD = "kettle on a narrowboat";
    static final String MOBILE = "07400 123456";
    static final String MOBILE_E164 = "+447400123456";
    static final String GIVEN_NAME = "Samantha";
    static final String SURNAME = "Parentson";

    /** Everything personal or secret the journey typed or received; none of it may reach a process variable. */
    static final List<String> SECRETS = new ArrayList<>(List.of(APPLICANT, PASSWORD, MOBILE_E164, GIVEN_NAME, SURNAME));

    @LocalServerPort
    int port;

    /** Each invitation link the journey used, oldest first. */
    final List<String> invitationLinks = new ArrayList<>();

    @Autowired
    @Qualifier("embeddedZeebeEngine")
    ZeebeTestEngine engine;

    @Autowired
    CamundaClient camunda;

    /** The instance the first onboarding runs in, started as Tasklist starts it. */
    static long tasklistStartedInstance;

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    @Order(1)
    void newApplicantThenExistingAccountCompleteTheGuide() {
        Browser caseworker = staff("caseworker");
        Browser reviewer = staff("reviewer");
        Outbox outbox = new Outbox(new Browser(base()));

        // Steps 1-2: the caseworker invites from Tasklist and enters the details on our page; the applicant reads
        // the setup code back.
        Page onboarding = startOnboardingFromTasklist(caseworker, "Riley Parentson", "CR-1001");
        confirmSetupCode(caseworker, outbox, onboarding, 0);

        // Step 3: the invitation email, after the release delay.
        Browser applicant = new Browser(base());
        Page signIn = acceptInvitation(applicant, outbox, 0);
        assertThat(signIn.text()).contains("Sign in", "Sign up now");

        // Steps 5-9: email and its code.
        Page emailPage = applicant.get(signIn.html().selectFirst("#sign-up-now").attr("href"));
        Page wrongEmail = applicant.submit(emailPage, "Send verification code", Map.of("email", "someone.else@example.org"));
        assertThat(wrongEmail.title()).startsWith("Error: ");
        assertThat(wrongEmail.errorSummary()).contains("There is a problem", "Enter the email address your invitation was sent to");
        assertThat(wrongEmail.fieldValue("email")).isEqualTo("someone.else@example.org");
        Page verify = applicant.submit(wrongEmail, "Send verification code", Map.of("email", APPLICANT));
        assertThat(verify.text()).contains("Check your email", "spam folder");
        String emailCode = outbox.await("email code", Outbox.email(APPLICANT, "Norfolk County Council account verification code"), 0)
                .find("verification code is: (\\d{6})");
        SECRETS.add(emailCode);
        Page wrongCode = applicant.submit(verify, "verify code", Map.of("code", otherCode(emailCode)));
        assertThat(wrongCode.errorSummary()).contains("The verification code is not right");
        assertThat(wrongCode.fieldValue("code")).isEqualTo(otherCode(emailCode));
        Page verified = applicant.submit(wrongCode, "verify code",
                Map.of("code", emailCode.substring(0, 3) + " " + emailCode.substring(3)));
        assertThat(verified.text()).contains("Your email address has now been verified");
        // Back to the email page after verifying: it goes on instead of pretending to send another code.
        assertThat(applicant.get("/signup/email").text()).contains("Your email address has now been verified")
                .doesNotContain("We have sent a verification code");

        // Step 10: names and password.
        Page details = applicant.get(verified.html().selectFirst("a.govuk-button").attr("href"));
        Page mismatch = applicant.submit(details, "Create", Map.of("givenName", GIVEN_NAME, "surname", SURNAME,
                "newPassword", PASSWORD, "confirmNewPassword", PASSWORD + "x"));
        assertThat(mismatch.errorSummary()).contains("Passwords do not match");
        assertThat(mismatch.fieldValue("givenName")).isEqualTo(GIVEN_NAME);
        assertThat(mismatch.fieldValue("surname")).isEqualTo(SURNAME);
        Page phone = applicant.submit(mismatch, "Create", Map.of("givenName", GIVEN_NAME, "surname", SURNAME,
                "newPassword", PASSWORD, "confirmNewPassword", PASSWORD));
        assertThat(phone.text()).contains("Register your phone");

        // Steps 11-12: a text, then a call.
        Page landline = applicant.submit(phone, "Send Code", Map.of("phoneNumber", "01603 222222"));
        assertThat(landline.errorSummary()).contains("This number can't receive texts. Choose Call me");
        assertThat(landline.fieldValue("phoneNumber")).isEqualTo("01603 222222");
        Page smsCodePage = applicant.submit(landline, "Send Code", Map.of("phoneNumber", MOBILE));
        assertThat(smsCodePage.text()).as(smsCodePage.text()).contains("Enter the code", "expires in 10 minutes");
        String smsCode = outbox.await("text message", Outbox.phone("sms", MOBILE_E164), 0).find("code is (\\d{6})");
        SECRETS.add(smsCode);
        Page again = applicant.submit(smsCodePage, "Verify Code", Map.of("code", smsCode));
        assertThat(again.text()).contains("Confirm your phone number once more");
        Page callCodePage = applicant.submit(again, "Call me");
        String spoken = outbox.await("voice call", Outbox.phone("call", MOBILE_E164), 0)
                .find("code is ((?:\\d, ){5}\\d)");
        String callCode = spoken.replace(", ", "");
        SECRETS.add(callCode);
        Page setup = applicant.submit(callCodePage, "Verify Code", Map.of("code", callCode));

        // Steps 13-14: the record, then the pop-up's Submit.
        Page submitted = confirmRecordAndSubmit(applicant, setup, "Riley Parentson");
        assertThat(submitted.text()).contains("You have been signed out", "We will email you when your account is active");

        // Step 15: review, then the activation email.
        approve(reviewer, "Riley Parentson");
        Message activation = outbox.await("activation email", Outbox.email(APPLICANT, "New Children's Services Online activation"), 0);
        assertThat(activation.body()).contains("/sign-in");
        String status = Eventually.value("caseworker sees the account active", () -> {
            String shown = caseworker.get(onboarding.uri().toString()).html().selectFirst("#status").text();
            return shown.equals("Account active") ? Optional.of(shown) : Optional.empty();
        });
        assertThat(status).isEqualTo("Account active");
        Page phoneForStaff = caseworker.get(caseworker.get(onboarding.uri().toString()).html()
                .selectFirst("#account-phone").attr("href"));
        assertThat(phoneForStaff.text()).as("the caseworker can reach the lost-phone action").contains("+44*******456")
                .doesNotContain(MOBILE_E164);

        // After: every sign-in is password plus phone code.
        Page records = signIn(new Browser(base()), outbox);
        assertThat(records.html().select(".record-name").eachText()).containsExactly("Riley Parentson");

        // A second onboarding for the same email: step 4, the existing account.
        Page second = startOnboarding(caseworker, "Jordan Parentson", "CR-1002");
        confirmSetupCode(caseworker, outbox, second, 1);
        Browser returning = new Browser(base());
        Page secondSignIn = acceptInvitation(returning, outbox, 1);
        Page setupAgain = completeSignIn(returning, secondSignIn, outbox);
        assertThat(setupAgain.text()).contains("Account setup", "Jordan Parentson");
        confirmRecordAndSubmit(returning, setupAgain, "Jordan Parentson");
        approve(reviewer, "Jordan Parentson");
        outbox.await("second activation email", Outbox.email(APPLICANT, "New Children's Services Online activation"), 1);
        Browser signedIn = new Browser(base());
        Page bothRecords = signIn(signedIn, outbox);
        assertThat(bothRecords.html().select(".record-name").eachText())
                .containsExactly("Riley Parentson", "Jordan Parentson");

        // Both links used, both accounts active: opening either again sends the applicant to sign in.
        for (String used : invitationLinks) {
            Page reopened = new Browser(base()).get(used);
            assertThat(reopened.html().selectFirst("h1").text()).isEqualTo("You have already used this invitation");
            assertThat(reopened.html().selectFirst("#used-sign-in").attr("href")).isEqualTo("/sign-in");
        }

        // "Forgotten your password?" elsewhere: the session signed in with the old password ends.
        resetPassword(new Browser(base()), outbox, NEW_PASSWORD);
        Page afterReset = signedIn.get("/records");
        assertThat(afterReset.uri().getPath()).isEqualTo("/sign-in");
        assertThat(afterReset.text()).contains("Your password has been changed");
    }

    private void resetPassword(Browser applicant, Outbox outbox, String newPassword) {
        SECRETS.add(newPassword);
        int emailCodes = outbox.count(Outbox.email(APPLICANT, "Norfolk County Council account password reset code"));
        Page start = applicant.get("/sign-in/forgotten-password");
        Page emailCodePage = applicant.submit(start, "Send code", Map.of("email", APPLICANT));
        String emailCode = outbox.await("reset email code",
                Outbox.email(APPLICANT, "Norfolk County Council account password reset code"), emailCodes)
                .find("password reset code is: (\\d{6})");
        SECRETS.add(emailCode);
        int texts = outbox.count(Outbox.phone("sms", MOBILE_E164));
        Page phoneCodePage = applicant.submit(emailCodePage, "Continue", Map.of("code", emailCode));
        String sms = outbox.await("reset text", Outbox.phone("sms", MOBILE_E164), texts).find("code is (\\d{6})");
        SECRETS.add(sms);
        Page passwordPage = applicant.submit(phoneCodePage, "Continue", Map.of("code", sms));
        Page done = applicant.submit(passwordPage, "Save new password",
                Map.of("newPassword", newPassword, "confirmNewPassword", newPassword));
        assertThat(done.text()).contains("Your password has been changed");
    }

    /**
     * Tasklist submits the start form's fields as the new instance's variables; the form has none. The task Tasklist
     * then shows links to our onboarding page, where the details are entered.
     */
    private Page startOnboardingFromTasklist(Browser caseworker, String recordName, String reference) {
        tasklistStartedInstance = camunda.newCreateInstanceCommand().bpmnProcessId("cso-onboarding").latestVersion()
                .variables(Map.of()).send().join().getProcessInstanceKey();
        EngineRecords records = new EngineRecords(engine);
        String onboardingId = Eventually.value("the Tasklist start's onboarding id", () ->
                records.reached(tasklistStartedInstance, "UserTask_EnterApplicantDetails")
                        ? records.variable(tasklistStartedInstance, "onboardingId").map(v -> v.replace("\"", ""))
                        : Optional.empty());
        Page form = caseworker.get("/staff/onboardings/" + onboardingId);
        assertThat(form.text()).contains("Enter the applicant's details", "started in Camunda Tasklist");
        Page missing = caseworker.submit(form, "Send setup email", Map.of("applicantEmail", APPLICANT,
                "recordReference", reference, "recordName", ""));
        assertThat(missing.errorSummary()).contains("Enter the record name");
        assertThat(missing.fieldValue("applicantEmail")).isEqualTo(APPLICANT);
        Page onboarding = caseworker.submit(missing, "Send setup email", Map.of("applicantEmail", APPLICANT,
                "recordReference", reference, "recordName", recordName));
        assertThat(onboarding.uri().getPath()).isEqualTo("/staff/onboardings/" + onboardingId);
        assertThat(onboarding.text()).contains(recordName, APPLICANT);
        assertThat(records.incidents(tasklistStartedInstance)).as("incidents of the Tasklist start").isEmpty();
        return onboarding;
    }

    @Test
    @Order(2)
    void noProcessVariableHoldsPersonalDataOrSecrets() {
        assertThat(SECRETS).as("the journey test collected what the applicant typed and received").hasSizeGreaterThan(8);
        List<Record<?>> records = StreamSupport
                .stream(engine.getRecordStreamSource().getRecords().spliterator(), false).toList();
        long completedProcesses = records.stream()
                .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
                .filter(r -> ((ProcessInstanceRecordValue) r.getValue()).getBpmnElementType() == BpmnElementType.PROCESS)
                .count();
        assertThat(completedProcesses).as("finished onboardings").isGreaterThanOrEqualTo(2);
        assertThat(new EngineRecords(engine).reached(tasklistStartedInstance, "EndEvent_AccountActivated"))
                .as("the onboarding started from Tasklist ran to activation").isTrue();
        @SuppressWarnings("unchecked")
        List<Record<VariableRecordValue>> variables = records.stream()
                .filter(r -> r.getValueType() == ValueType.VARIABLE)
                .map(r -> (Record<VariableRecordValue>) r)
                .toList();
        assertThat(variables).isNotEmpty();
        for (Record<VariableRecordValue> variable : variables) {
            String value = variable.getValue().getValue();
            for (String secret : SECRETS) {
                assertThat(value).as("variable %s", variable.getValue().getName()).doesNotContainIgnoringCase(secret);
            }
            assertThat(value).as("variable %s looks like an email address", variable.getValue().getName())
                    .doesNotContainPattern("[^\\s\"]+@[^\\s\"]+\\.[a-z]+");
            assertThat(value).as("variable %s looks like a phone number", variable.getValue().getName())
                    .doesNotContainPattern("\\+\\d{10,}");
        }
    }

    private Browser staff(String username) {
        Browser browser = new Browser(base());
        Page signIn = browser.get("/staff");
        assertThat(signIn.text()).contains("Username", "Password");
        Page home = browser.submit(signIn, "Sign in", Map.of("username", username, "password", "demo"));
        assertThat(home.text()).contains("Signed in as " + username);
        return browser;
    }

    private Page startOnboarding(Browser caseworker, String recordName, String reference) {
        Page form = caseworker.get("/staff/onboardings/new");
        Page missing = caseworker.submit(form, "Send setup email", Map.of("applicantEmail", APPLICANT,
                "recordReference", reference, "recordName", ""));
        assertThat(missing.errorSummary()).contains("Enter the record name");
        assertThat(missing.fieldValue("applicantEmail")).isEqualTo(APPLICANT);
        Page onboarding = caseworker.submit(missing, "Send setup email", Map.of("applicantEmail", APPLICANT,
                "recordReference", reference, "recordName", recordName));
        assertThat(onboarding.uri().getPath()).startsWith("/staff/onboardings/");
        assertThat(onboarding.text()).contains(recordName, APPLICANT);
        return onboarding;
    }

    private void confirmSetupCode(Browser caseworker, Outbox outbox, Page onboarding, int earlier) {
        String code = outbox.await("setup email", Outbox.email(APPLICANT, "Set up your Children's Services Online Account"), earlier)
                .find("setup code is: ([A-Z0-9-]+)");
        SECRETS.add(code);
        Page form = Eventually.value("setup code field", () -> {
            Page page = caseworker.get(onboarding.uri().toString());
            return page.text().contains("Confirm the setup code") ? Optional.of(page) : Optional.empty();
        });
        String wrong = code.startsWith("A") ? "BBBB-BBBB" : "AAAA-AAAA";
        Page rejected = caseworker.submit(form, "Confirm", Map.of("setupCode", wrong));
        assertThat(rejected.errorSummary()).contains("That setup code is not right", "2 more tries");
        assertThat(rejected.fieldValue("setupCode")).isEqualTo(wrong);
        Page confirmed = caseworker.submit(rejected, "Confirm", Map.of("setupCode", code.toLowerCase()));
        assertThat(confirmed.text()).contains("Setup code confirmed");
        Page progress = Eventually.value("timeline shows the setup code step", () -> {
            Page page = caseworker.get(onboarding.uri().toString());
            return page.text().contains("Setup code checked") ? Optional.of(page) : Optional.empty();
        });
        assertThat(progress.text()).contains("Setup email sent");
    }

    private Page acceptInvitation(Browser applicant, Outbox outbox, int earlierInvitations) {
        Message invitation = outbox.await("invitation email",
                Outbox.email(APPLICANT, "Accept Children's Services Online Account Invitation"), earlierInvitations);
        // The configured base URL names port 0 in tests: keep the link's path.
        String link = java.net.URI.create(invitation.find("(http\\S+/invitation/\\S+)")).getPath();
        invitationLinks.add(link);
        Page landing = applicant.get(link);
        assertThat(landing.text()).contains("Accept your invitation");
        Page reopened = new Browser(base()).get(link);
        assertThat(reopened.text()).as("opening the link does not use it up").contains("Accept your invitation");
        return applicant.submit(landing, "Continue");
    }

    private Page confirmRecordAndSubmit(Browser applicant, Page setup, String recordName) {
        assertThat(setup.text()).contains("Account setup", recordName);
        Page unticked = applicant.submit(setup, "Confirm", Map.of("confirmRecord", "yes"));
        assertThat(unticked.errorSummary()).contains("Tick the record you want to see");
        assertThat(unticked.html().selectFirst("#confirmRecord option[selected]").val()).isEqualTo("yes");
        String reference = unticked.html().selectFirst("#recordSelected").val();
        Page popUp = applicant.submit(unticked, "Confirm", Map.of("recordSelected", reference, "confirmRecord", "yes"));
        assertThat(popUp.text()).contains("Submit your request", recordName);
        return applicant.submit(popUp, "Submit");
    }

    private void approve(Browser reviewer, String recordName) {
        Page queue = Eventually.value("review queue lists " + recordName, () -> {
            Page page = reviewer.get("/staff/reviews");
            return page.text().contains(recordName) ? Optional.of(page) : Optional.empty();
        });
        String href = queue.html().select("a").stream().filter(a -> a.text().equals(recordName)).findFirst()
                .orElseThrow().attr("href");
        Page review = reviewer.get(href);
        Page done = reviewer.submit(review, "Approve");
        assertThat(done.text()).contains("Access approved");
    }

    private Page signIn(Browser applicant, Outbox outbox) {
        return completeSignIn(applicant, applicant.get("/sign-in"), outbox);
    }

    private Page completeSignIn(Browser applicant, Page signInPage, Outbox outbox) {
        Page wrong = applicant.submit(signInPage, "Sign in", Map.of("email", APPLICANT, "password", "wrong password"));
        assertThat(wrong.errorSummary()).contains("Enter a correct email address and password");
        assertThat(wrong.fieldValue("email")).isEqualTo(APPLICANT);
        int texts = outbox.count(Outbox.phone("sms", MOBILE_E164));
        Page codePage = applicant.submit(wrong, "Sign in", Map.of("email", APPLICANT, "password", PASSWORD));
        assertThat(codePage.text()).contains("Check your phone");
        String code = outbox.await("sign-in text", Outbox.phone("sms", MOBILE_E164), texts).find("code is (\\d{6})");
        SECRETS.add(code);
        return applicant.submit(codePage, "Continue", Map.of("code", code));
    }

    private static String otherCode(String code) {
        return code.equals("111111") ? "222222" : "111111";
    }
}
