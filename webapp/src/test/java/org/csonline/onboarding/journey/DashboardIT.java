package org.csonline.onboarding.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.csonline.onboarding.journey.Browser.Page;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The dashboard over HTTP: managers only, the period, and the CSV of the same figures. */
// The same configuration as OnboardingJourneyIT, so both share one application context (and one engine).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cso.engine.port=0",
        "cso.process.invitation-release-delay=PT1S"})
@ActiveProfiles("local")
class DashboardIT {

    @LocalServerPort
    int port;

    @Test
    void onlyManagersSeeTheDashboard() {
        Page forbidden = signIn("caseworker").get("/staff/dashboard");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(signIn("reviewer").get("/staff/dashboard/figures.csv").status()).isEqualTo(403);
        assertThat(new Browser(base()).get("/staff/dashboard").uri().getPath()).isEqualTo("/staff/sign-in");
        assertThat(signIn("caseworker").get("/staff").html().select("#dashboard-link")).isEmpty();
    }

    @Test
    void dashboardCountsANewOnboardingAndTheCsvHasTheSameFigures() throws Exception {
        Browser manager = signIn("manager");
        long before = funnelStep1(manager.get("/staff/dashboard?weeks=1"));
        new Staff(base()).invite("dashboard.count@example.org", "Dana Dashboard", "CR-9001");

        Page page = manager.get("/staff/dashboard?weeks=1");
        assertThat(funnelStep1(page)).isEqualTo(before + 1);
        assertThat(page.html().selectFirst("#weeks option[selected]").val()).isEqualTo("1");
        assertThat(page.html().select("svg[role=img] title")).hasSize(4);
        assertThat(page.html().selectFirst("#csv").attr("href")).isEqualTo("/staff/dashboard/figures.csv?weeks=1");
        assertThat(manager.get("/staff/dashboard?weeks=9999").html().selectFirst("#weeks option[selected]").val())
                .as("an unknown period falls back to the default").isEqualTo("4");

        HttpResponse<String> csv = asManager("/staff/dashboard/figures.csv?weeks=1");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        assertThat(csv.body()).startsWith("section,item,measure,value")
                .contains("funnel,1. Setup email sent,onboardings," + (before + 1) + "\r\n")
                .doesNotContain("dashboard.count@example.org", "Dana Dashboard");
    }

    private static long funnelStep1(Page page) {
        return Long.parseLong(page.html().select("#funnel-table tbody tr").getFirst().selectFirst("td").text());
    }

    /** A response as it comes, headers and all (Browser parses HTML), in a manager's session of its own. */
    private HttpResponse<String> asManager(String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String form = http.send(HttpRequest.newBuilder(URI.create(base() + "/staff/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).isTrue();
        http.send(HttpRequest.newBuilder(URI.create(base() + "/staff/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=manager&password=demo&_csrf="
                        + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Browser signIn(String username) {
        Browser browser = new Browser(base());
        Page home = browser.submit(browser.get("/staff"), "Sign in", Map.of("username", username, "password", "demo"));
        assertThat(home.text()).contains("Signed in as " + username);
        return browser;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
