package org.csonline.onboarding.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The operators' metrics: who may read them, and that a journey's steps move them. */
// The same configuration as OnboardingJourneyIT, so both share one application context (and one engine).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cso.engine.port=0",
        "cso.process.invitation-release-delay=PT1S"})
@ActiveProfiles("local")
class MetricsIT {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void onlyTheMetricsRoleOrAManagerMayScrape() throws Exception {
        assertThat(scrape(null).statusCode()).isEqualTo(401);
        assertThat(scrape("caseworker").statusCode()).isEqualTo(403);
        assertThat(scrape("prometheus").statusCode()).isEqualTo(200);
        assertThat(scrape("manager").statusCode()).isEqualTo(200);
        assertThat(scrape("prometheus").headers().firstValue("Set-Cookie")).as("no session").isEmpty();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void aJourneysStepsMoveTheCountersAndHistograms() throws Exception {
        double started = value("cso_onboardings_started_total", "");
        double confirmations = value("cso_journey_step_duration_seconds_count", "element=\"UserTask_ConfirmSetupCode\"");
        double emails = value("cso_provider_calls_seconds_count",
                "implementation=\"LocalOutboxEmailSender\",operation=\"send\",outcome=\"success\"");

        new Staff(base()).invite("metrics.journey@example.org", "Morgan Metrics", "CR-8001");

        Eventually.value("metrics moved", () -> {
            try {
                return value("cso_onboardings_started_total", "") > started
                        && value("cso_journey_step_duration_seconds_count",
                                "element=\"UserTask_ConfirmSetupCode\"") > confirmations
                        && value("cso_provider_calls_seconds_count", "implementation=\"LocalOutboxEmailSender\","
                                + "operation=\"send\",outcome=\"success\"") >= emails + 2
                        ? Optional.of(true) : Optional.empty();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String metrics = scrape("prometheus").body();
        assertThat(metrics).contains("cso_journey_step_duration_seconds_bucket{", "guide_step=\"2\"",
                "cso_provider_calls_seconds_bucket{", "cso_onboardings_activated_total");
        assertThat(metrics).as("no personal data in labels").doesNotContain("metrics.journey@example.org",
                "Morgan Metrics");
    }

    /** The sum of a metric's samples whose labels contain {@code labels} (all of them when empty). */
    private double value(String metric, String labels) throws Exception {
        double sum = 0;
        Matcher lines = Pattern.compile("^" + metric + "(\\{[^}]*})? ([0-9.eE+-]+)$", Pattern.MULTILINE)
                .matcher(scrape("prometheus").body());
        while (lines.find()) {
            String found = lines.group(1) == null ? "" : lines.group(1);
            boolean all = true;
            for (String label : labels.isEmpty() ? new String[0] : labels.split(",")) {
                all &= found.contains(label);
            }
            if (all) {
                sum += Double.parseDouble(lines.group(2));
            }
        }
        return sum;
    }

    private HttpResponse<String> scrape(String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/actuator/prometheus"));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
