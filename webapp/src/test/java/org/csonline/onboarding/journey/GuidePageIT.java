package org.csonline.onboarding.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The illustrated guide in a real browser: every step with its picture loaded, and the PDF made from it. */
// The same configuration as OnboardingJourneyIT, so both share one application context (and one engine).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cso.engine.port=0",
        "cso.process.invitation-release-delay=PT1S"})
@ActiveProfiles("local")
class GuidePageIT {

    @LocalServerPort
    int port;

    @Test
    void guideShowsEveryStepWithItsPictureAndOffersThePdf() throws Exception {
        try (Chromium browser = new Chromium(base(), "guide-page")) {
            browser.open("/sign-in");
            WebElement footerLink = browser.driver.findElements(By.cssSelector("footer a")).stream()
                    .filter(a -> a.getText().equals("Accessibility statement")).findFirst().orElseThrow();
            assertThat(footerLink.getAttribute("href")).endsWith("/accessibility");
            browser.open("/guide");
            assertThat(browser.find("h1").getText()).isEqualTo("How to set up your Children's Services Online account");
            List<WebElement> steps = browser.driver.findElements(By.cssSelector("#guide-steps > li"));
            assertThat(steps).hasSize(15);
            for (int i = 0; i < 15; i++) {
                WebElement picture = steps.get(i).findElement(By.cssSelector("img"));
                assertThat(steps.get(i).findElement(By.cssSelector("h2")).getText()).startsWith("Step " + (i + 1) + ":");
                assertThat(picture.getAttribute("alt")).startsWith("Picture of the page at step " + (i + 1));
                assertThat(((Number) browser.js("return arguments[0].complete ? arguments[0].naturalWidth : 0",
                        picture)).intValue()).as("picture of step %d loads", i + 1).isEqualTo(640);
            }
            browser.check("guide");
            browser.screenshotAt("guide-320px", 320, 1);

            String pdfLink = browser.find("#guide-pdf").getAttribute("href");
            assertThat(browser.find("#guide-pdf").getText()).isEqualTo("Download the guide (PDF)");
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdfLink))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
            assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
                assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                        .contains("Norfolk County Council", "Step 15: We review your request");
            }
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
