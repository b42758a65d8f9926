package org.csonline.onboarding.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Takes the illustrated guide's pictures: walks the 15 steps in a real browser and photographs this service's own
 * page at each, scaled down to 640 x 450. They always go to target/guide; with {@code -Dcso.guide.refresh=true} they
 * also replace the pictures the app ships (src/main/resources/static/guide). See docs/guide.md.
 */
// The same configuration as OnboardingJourneyIT, so both share one application context (and one engine).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cso.engine.port=0",
        "cso.process.invitation-release-delay=PT1S"})
@ActiveProfiles("local")
class GuideScreenshotsIT {

    static final Path TAKEN = Path.of("target", "guide");
    static final Path SHIPPED = Path.of("src", "main", "resources", "static", "guide");
    static final int WIDTH = 640;
    static final int HEIGHT = 450;

    @LocalServerPort
    int port;

    @Test
    void everyStepOfTheGuideIsPhotographed() throws IOException {
        String applicant = "guide.pictures@example.org";
        Files.createDirectories(TAKEN);
        Outbox outbox = new Outbox(new Browser(base()));
        String progress;
        try (Chromium browser = new Chromium(base(), "guide")) {
            browser.open("/staff");
            browser.type("#username", "caseworker");
            browser.type("#password", "demo");
            browser.press("Sign in");
            browser.open("/staff/onboardings/new");
            browser.type("#applicantEmail", applicant);
            browser.type("#recordReference", "CR-7001");
            browser.type("#recordName", "Alex Example");
            picture(browser, 1);
            browser.press("Send setup email");
            Outbox.Message setup = outbox.await("setup email", Outbox.email(applicant,
                    "Set up your Children's Services Online Account"), 0);
            progress = URI.create(setup.find("(http\\S+/progress/\\S+)")).getPath();
            browser.type("#setupCode", setup.find("setup code is: ([A-Z0-9-]+)"));
            browser.js("document.getElementById('setupCode').scrollIntoView({block: 'center'})");
            picture(browser, 2);
            browser.press("Confirm");
            assertThat(browser.text()).contains("Setup code confirmed");
            browser.press("Sign out");

            String invitation = URI.create(outbox.await("invitation email", Outbox.email(applicant,
                    "Accept Children's Services Online Account Invitation"), 0).find("(http\\S+/invitation/\\S+)"))
                    .getPath();
            browser.open(invitation);
            picture(browser, 3);
            browser.press("Continue");

            picture(browser, 4);
            browser.tabTo("#sign-up-now");
            picture(browser, 5);
            browser.navigating(() -> browser.key(Keys.ENTER));

            browser.type("#email", applicant);
            picture(browser, 6);
            browser.press("Send verification code");
            picture(browser, 7);
            String emailCode = outbox.await("email code", Outbox.email(applicant,
                    "Norfolk County Council account verification code"), 0).find("verification code is: (\\d{6})");
            browser.type("#code", emailCode);
            picture(browser, 8);
            browser.press("verify code");
            picture(browser, 9);
            browser.press("Continue");

            browser.type("#givenName", "Alex");
            browser.type("#surname", "Example");
            browser.type("#newPassword", "a long walk by the river");
            browser.type("#confirmNewPassword", "a long walk by the river");
            picture(browser, 10);
            browser.press("Create");

            browser.type("#phoneNumber", "07400 123470");
            picture(browser, 11);
            browser.press("Send Code");
            browser.type("#code", outbox.await("text", Outbox.phone("sms", "+447400123470"), 0).find("code is (\\d{6})"));
            browser.press("Verify Code");
            picture(browser, 12);
            int texts = outbox.count(Outbox.phone("sms", "+447400123470"));
            browser.press("Send Code");
            browser.type("#code", outbox.await("second text", Outbox.phone("sms", "+447400123470"), texts)
                    .find("code is (\\d{6})"));
            browser.press("Verify Code");

            browser.find("#recordSelected").click();
            new org.openqa.selenium.support.ui.Select(browser.find("#confirmRecord")).selectByVisibleText("Yes");
            picture(browser, 13);
            browser.button("Confirm").click();
            assertThat(browser.find("#submit-dialog").getAttribute("open")).isNotNull();
            picture(browser, 14);
            browser.press("Submit");
        }

        new Staff(base()).approve(applicant, "Alex Example");
        try (Chromium browser = new Chromium(base(), "guide")) {
            Eventually.value("progress shows the account active", () -> {
                browser.open(progress);
                return browser.text().contains("Your account is active") ? Optional.of(true) : Optional.empty();
            });
            picture(browser, 15);
            assertThat(browser.driver.findElements(By.cssSelector("main a[href='/guide']"))).isNotEmpty();
        }
        for (int step = 1; step <= 15; step++) {
            assertThat(TAKEN.resolve(name(step))).as("picture of step %d", step).isNotEmptyFile();
        }
    }

    /** The visible top of the page, scaled to the guide's size; also shipped with the app when refreshing. */
    private static void picture(Chromium browser, int step) {
        try {
            BufferedImage full = ImageIO.read(new ByteArrayInputStream(browser.driver.getScreenshotAs(OutputType.BYTES)));
            BufferedImage small = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = small.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            int sourceHeight = Math.min(full.getHeight(), full.getWidth() * HEIGHT / WIDTH);
            g.drawImage(full, 0, 0, WIDTH, HEIGHT, 0, 0, full.getWidth(), sourceHeight, null);
            g.dispose();
            ImageIO.write(small, "png", TAKEN.resolve(name(step)).toFile());
            if (Boolean.getBoolean("cso.guide.refresh")) {
                Files.createDirectories(SHIPPED);
                Files.copy(TAKEN.resolve(name(step)), SHIPPED.resolve(name(step)),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(int step) {
        return "step-%02d.png".formatted(step);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
