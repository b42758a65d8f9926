package org.csonline.onboarding.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The applicant's pages in a real browser (headless Chromium): the whole journey with the mouse, then again with
 * the keyboard only, and the pages off the main path. Every page is checked with axe-core (no serious or critical
 * violation) and saved as a screenshot in target/screenshots; a few also at 320 px wide and at 200% zoom.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cso.engine.port=0",
        "cso.process.invitation-release-delay=PT1S"})
@ActiveProfiles("local")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApplicantPagesIT {

    static final String PASSWORD = "lanternfish glow";

    @LocalServerPort
    int port;

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    @Order(1)
    void wholeJourneyWithTheMouse() {
        String applicant = "alex.mouse@example.org";
        Staff staff = new Staff(base());
        Outbox outbox = staff.outbox();
        String invitation = staff.invite(applicant, "Robin Mouse", "CR-2001");

        try (Chromium browser = new Chromium(base(), "mouse")) {
            browser.open(invitation);
            assertThat(browser.text()).contains("Accept your invitation", "Step 3 of 15");
            browser.check("invitation");
            browser.press("Continue");

            assertThat(browser.path()).isEqualTo("/sign-in");
            browser.check("sign-in");
            browser.screenshotAt("sign-in-320px", 320, 1);
            browser.navigating(() -> browser.find("#sign-up-now").click());

            browser.check("signup-email");
            browser.type("#email", "not an email");
            browser.press("Send verification code");
            assertThat(browser.driver.getTitle()).startsWith("Error: ");
            assertThat(browser.focused().getAttribute("class")).as("focus moves to the error summary")
                    .contains("govuk-error-summary");
            assertThat(browser.find("#email").getAttribute("value")).isEqualTo("not an email");
            browser.check("signup-email-error");
            browser.screenshotAt("signup-email-error-320px", 320, 1);
            browser.type("#email", applicant);
            browser.press("Send verification code");

            assertThat(browser.text()).contains("Check your email", "expires in 30 minutes", "spam folder");
            browser.check("signup-verify");
            String code = outbox.await("email code", Outbox.email(applicant,
                    "Norfolk County Council account verification code"), 0).find("verification code is: (\\d{6})");
            WebElement codeInput = browser.find("#code");
            assertThat(codeInput.getAttribute("autocomplete")).isEqualTo("one-time-code");
            assertThat(codeInput.getAttribute("inputmode")).isEqualTo("numeric");
            browser.type("#code", code.substring(0, 3) + "-" + code.substring(3));
            browser.press("verify code");

            assertThat(browser.text()).contains("Your email address has now been verified");
            browser.check("signup-verified");
            browser.press("Continue");

            browser.check("signup-details");
            browser.type("#givenName", "Alex");
            browser.type("#surname", "Mouse");
            browser.type("#newPassword", "password1");
            browser.type("#confirmNewPassword", "password1");
            WebElement toggle = browser.find("#newPassword ~ button");
            toggle.click();
            assertThat(browser.find("#newPassword").getAttribute("type")).as("Show reveals the password").isEqualTo("text");
            browser.screenshot("signup-details-shown");
            toggle.click();
            assertThat(browser.find("#newPassword").getAttribute("type")).isEqualTo("password");
            browser.press("Create");
            assertThat(browser.text()).contains("This password is too common");
            assertThat(browser.find("#givenName").getAttribute("value")).isEqualTo("Alex");
            browser.check("signup-details-error");
            browser.type("#newPassword", PASSWORD);
            browser.type("#confirmNewPassword", PASSWORD);
            browser.press("Create");

            assertThat(browser.text()).contains("Register your phone", "Step 11 of 15");
            browser.check("phone");
            browser.type("#phoneNumber", "01603 222222");
            browser.press("Send Code");
            assertThat(browser.text()).contains("This number can't receive texts. Choose Call me");
            browser.check("phone-landline-error");
            browser.type("#phoneNumber", "07400 123457");
            browser.press("Send Code");

            assertThat(browser.text()).contains("+44*******457", "expires in 10 minutes");
            browser.check("phone-code");
            browser.screenshotAt("phone-code-200pc", 640, 2);
            browser.driver.findElements(org.openqa.selenium.By.cssSelector("summary")).stream()
                    .filter(summary -> summary.getText().contains("Not received a text message?")).findFirst()
                    .orElseThrow().click();
            assertThat(browser.text()).contains("Call me");
            String sms = outbox.await("text", Outbox.phone("sms", "+447400123457"), 0).find("code is (\\d{6})");
            browser.type("#code", sms);
            browser.press("Verify Code");

            assertThat(browser.text()).contains("Confirm your phone number once more", "Step 12 of 15");
            browser.check("phone-again");
            java.time.Instant callAskedAt = java.time.Instant.now();
            browser.press("Call me");
            // the outbox's waiting read: only what came since, so the text before is left out
            List<Outbox.Message> sinceCall = outbox.since("+447400123457", callAskedAt, Duration.ofSeconds(20));
            assertThat(sinceCall).extracting(Outbox.Message::channel).containsExactly("call");
            String spoken = sinceCall.getFirst().find("code is ((?:\\d, ){5}\\d)");
            browser.type("#code", spoken.replace(", ", ""));
            browser.press("Verify Code");

            assertThat(browser.text()).contains("Account setup", "Robin Mouse");
            browser.check("setup");
            browser.screenshotAt("setup-320px", 320, 1);
            browser.press("Confirm");
            assertThat(browser.text()).contains("Tick the record you want to see");
            browser.check("setup-error");
            browser.find("#recordSelected").click();
            new org.openqa.selenium.support.ui.Select(browser.find("#confirmRecord")).selectByVisibleText("Yes");
            browser.button("Confirm").click();

            WebElement dialog = browser.find("#submit-dialog");
            assertThat(dialog.getAttribute("open")).as("the Submit pop-up opens").isNotNull();
            assertThat(browser.path()).isEqualTo("/setup");
            browser.check("submit-dialog");
            browser.screenshotAt("submit-dialog-320px", 320, 1);
            browser.press("Submit");

            assertThat(browser.text()).contains("Request submitted", "You have been signed out", "spam folder");
            browser.check("submitted");
        }

        Outbox.Message activation = staff.approve(applicant, "Robin Mouse");
        String progressLink = URI.create(activation.find("(http\\S+/progress/\\S+)")).getPath();

        try (Chromium browser = new Chromium(base(), "signin")) {
            browser.open(progressLink);
            assertThat(browser.text()).contains("Where you are", "Your account is active").doesNotContain(applicant, "Robin");
            browser.check("progress");
            browser.screenshotAt("progress-200pc", 640, 2);

            browser.open("/sign-in");
            browser.type("#email", applicant);
            browser.type("#password", "wrong password");
            browser.press("Sign in");
            assertThat(browser.text()).contains("Enter a correct email address and password");
            browser.check("sign-in-error");
            browser.type("#password", PASSWORD);
            int texts = outbox.count(Outbox.phone("sms", "+447400123457"));
            browser.press("Sign in");
            assertThat(browser.text()).contains("Check your phone", "+44*******457");
            browser.check("sign-in-code");
            String code = outbox.await("sign-in text", Outbox.phone("sms", "+447400123457"), texts).find("code is (\\d{6})");
            browser.type("#code", code.substring(0, 3) + " " + code.substring(3));
            browser.press("Continue");

            assertThat(browser.text()).contains("Your records", "Robin Mouse", "Sign out");
            browser.check("records");
            browser.press("Sign out");
            assertThat(browser.text()).contains("You have signed out");
            browser.check("signed-out");
            browser.navigating(() -> browser.driver.navigate().back());
            assertThat(browser.text()).as("Back after signing out").doesNotContain("Robin Mouse");
            assertThat(browser.path()).isEqualTo("/sign-in");
            browser.open("/records");
            assertThat(browser.path()).as("signed out means signed out").isEqualTo("/sign-in");

            // Forgotten password: a code by email, then one by text, then the new password.
            browser.navigating(() -> browser.find("main a[href='/sign-in/forgotten-password']").click());
            browser.type("#email", applicant);
            browser.press("Send code");
            Outbox.Message resetEmail = outbox.await("reset code", Outbox.email(applicant,
                    "Norfolk County Council account password reset code"), 0);
            assertThat(resetEmail.body()).contains("reset your password").doesNotContain("verification page");
            String resetCode = resetEmail.find("password reset code is: (\\d{6})");
            browser.type("#code", resetCode);
            int resetTexts = outbox.count(Outbox.phone("sms", "+447400123457"));
            browser.press("Continue");
            assertThat(browser.text()).contains("Check your phone", "+44*******457");
            browser.check("reset-phone-code");
            String resetSms = outbox.await("reset text", Outbox.phone("sms", "+447400123457"), resetTexts)
                    .find("code is (\\d{6})");
            browser.type("#code", resetSms);
            browser.press("Continue");
            assertThat(browser.text()).contains("Choose a new password");
            browser.check("reset-password");
            browser.type("#newPassword", "kettle on a boat");
            browser.type("#confirmNewPassword", "kettle on a boat");
            browser.press("Save new password");
            assertThat(browser.text()).contains("Your password has been changed");
            assertThat(outbox.await("password changed email", Outbox.email(applicant,
                    "Your Norfolk County Council account password has been changed"), 0).body())
                    .contains("If you did not change it");
            browser.check("sign-in-password-changed");
            browser.type("#email", applicant);
            browser.type("#password", "kettle on a boat");
            browser.press("Sign in");
            assertThat(browser.text()).as("the new password works").contains("Check your phone");
        }
    }

    @Test
    @Order(2)
    void wholeJourneyWithTheKeyboardOnly() {
        String applicant = "kim.keys@example.org";
        Staff staff = new Staff(base());
        Outbox outbox = staff.outbox();
        String invitation = staff.invite(applicant, "Jamie Keys", "CR-2002");

        try (Chromium browser = new Chromium(base(), "keyboard")) {
            browser.open(invitation);
            browser.assertEveryControlReachable();
            browser.open(invitation);
            browser.tabTo("main button[type=submit]");
            browser.navigating(() -> browser.key(Keys.ENTER));

            browser.assertEveryControlReachable();
            browser.tabTo("#sign-up-now");
            browser.screenshot("focus-on-sign-up-now");
            browser.navigating(() -> browser.key(Keys.ENTER));

            browser.tabTo("#email").sendKeys(applicant);
            browser.tabTo("main form button[type=submit]");
            browser.navigating(() -> browser.key(Keys.ENTER));

            assertThat(browser.text()).contains("Check your email");
            browser.assertEveryControlReachable();
            String code = outbox.await("email code", Outbox.email(applicant,
                    "Norfolk County Council account verification code"), 0).find("verification code is: (\\d{6})");
            browser.navigating(() -> browser.tabTo("#code").sendKeys(code, Keys.ENTER));

            assertThat(browser.text()).contains("Your email address has now been verified");
            browser.tabTo("main a.govuk-button");
            browser.navigating(() -> browser.key(Keys.ENTER));

            browser.assertEveryControlReachable();
            browser.tabTo("#givenName").sendKeys("Kim");
            browser.tabTo("#surname").sendKeys("Keys");
            browser.tabTo("#newPassword").sendKeys(PASSWORD);
            WebElement toggle = browser.tabTo("#newPassword ~ button");
            browser.key(Keys.SPACE);
            assertThat(browser.find("#newPassword").getAttribute("type")).isEqualTo("text");
            assertThat(browser.focused()).isEqualTo(toggle);
            browser.navigating(() -> browser.tabTo("#confirmNewPassword").sendKeys(PASSWORD, Keys.ENTER));

            assertThat(browser.text()).contains("Register your phone");
            browser.tabTo("#phoneNumber").sendKeys("07400 123458");
            browser.tabTo("button[value=call]");
            browser.navigating(() -> browser.key(Keys.ENTER));

            assertThat(browser.text()).contains("We are calling");
            browser.assertEveryControlReachable();
            String first = outbox.await("call", Outbox.phone("call", "+447400123458"), 0)
                    .find("code is ((?:\\d, ){5}\\d)").replace(", ", "");
            browser.navigating(() -> browser.tabTo("#code").sendKeys(first, Keys.ENTER));

            assertThat(browser.text()).contains("Confirm your phone number once more");
            browser.tabTo("button[value=sms]");
            browser.navigating(() -> browser.key(Keys.ENTER));
            String second = outbox.await("text", Outbox.phone("sms", "+447400123458"), 0).find("code is (\\d{6})");
            browser.navigating(() -> browser.tabTo("#code").sendKeys(second, Keys.ENTER));

            assertThat(browser.text()).contains("Account setup", "Jamie Keys");
            browser.assertEveryControlReachable();
            browser.tabTo("#recordSelected");
            browser.key(Keys.SPACE);
            browser.tabTo("#confirmRecord");
            browser.key("y");
            WebElement confirm = browser.tabTo("main form[data-submit-dialog] button[type=submit]");
            browser.key(Keys.ENTER);

            WebElement dialog = browser.find("#submit-dialog");
            assertThat(dialog.getAttribute("open")).isNotNull();
            assertThat((Boolean) browser.js("return arguments[0].contains(document.activeElement)", dialog))
                    .as("focus moves into the dialog").isTrue();
            for (int i = 0; i < 6; i++) {
                browser.key(Keys.TAB);
                assertThat((Boolean) browser.js("return arguments[0].contains(document.activeElement)", dialog))
                        .as("Tab stays in the dialog").isTrue();
                assertThat(browser.focusVisible()).as("focus visible on %s", browser.describeFocus()).isTrue();
            }
            for (int i = 0; i < 6; i++) {
                browser.shiftTab();
                assertThat((Boolean) browser.js("return arguments[0].contains(document.activeElement)", dialog))
                        .as("Shift+Tab stays in the dialog").isTrue();
            }
            browser.screenshot("dialog-keyboard-focus");
            browser.key(Keys.ESCAPE);
            assertThat(dialog.getAttribute("open")).as("Escape closes the dialog").isNull();
            assertThat(browser.focused()).as("focus returns to Confirm").isEqualTo(confirm);
            browser.key(Keys.SPACE);
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(5))
                    .until(d -> dialog.getAttribute("open") != null);
            for (int i = 0; i < 5 && !"Submit".equals(browser.focused().getText().strip()); i++) {
                browser.key(Keys.TAB);
            }
            assertThat(browser.focused().getText().strip()).isEqualTo("Submit");
            browser.navigating(() -> browser.key(Keys.ENTER));
            assertThat(browser.text()).contains("Request submitted");
        }
    }

    @Test
    @Order(3)
    void pagesOffTheMainPath() {
        try (Chromium browser = new Chromium(base(), "other")) {
            browser.open("/");
            browser.check("home");
            browser.open("/signup/email");
            assertThat(browser.text()).contains("Open your invitation link first");
            browser.check("no-journey");
            browser.open("/invitation/not-a-real-token");
            assertThat(browser.text()).contains("This link is not valid");
            browser.check("invitation-invalid");
            browser.open("/progress/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
            assertThat(browser.text()).contains("We cannot show this page");
            browser.check("progress-invalid");
            browser.open("/sign-in/lost-phone");
            assertThat(browser.text()).contains("contact your caseworker".substring(1));
            browser.check("lost-phone");
            browser.screenshotAt("lost-phone-320px", 320, 1);
            browser.open("/session-expired");
            browser.check("session-expired");

            browser.open("/sign-in");
            browser.navigating(() -> browser.find("main a[href='/sign-in/forgotten-password']").click());
            browser.check("forgotten-password");
            browser.type("#email", "nobody.here@example.org");
            browser.press("Send code");
            assertThat(browser.text()).contains("If this email address has an active account");
            browser.check("forgotten-password-email-code");
            browser.type("#code", "123456");
            browser.press("Continue");
            assertThat(browser.text()).contains("The code is not right");
            browser.check("forgotten-password-email-code-error");

            for (int i = 0; i < 5 && !browser.text().contains("You have tried too many times"); i++) {
                browser.open("/sign-in/forgotten-password");
                browser.type("#email", "nobody.here@example.org");
                browser.press("Send code");
            }
            assertThat(browser.text()).contains("You have tried too many times", "Wait");
            browser.check("rate-limited");
        }
    }
}
