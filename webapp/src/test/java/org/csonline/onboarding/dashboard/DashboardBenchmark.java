package org.csonline.onboarding.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Benchmark, not a test of the normal build (its name matches neither Surefire's nor Failsafe's patterns): fills
 * the database with 100,000 onboardings and measures how fast the manager dashboard answers over HTTP, p50 and p99.
 * Run it with
 * {@code ./mvnw -B -pl webapp -am -Dtest=DashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false package}
 * ({@code -Dcso.benchmark.onboardings=N}, {@code -Dcso.benchmark.requests=N} and {@code -Dcso.benchmark.weeks=N}
 * change the size, the number of measured requests and the period shown). The figures go to standard output and
 * to {@code target/dashboard-benchmark.txt}.
 */
// A long request timeout: on a busy machine the start-up deployment can take longer than the default 10 s.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"cso.engine.port=0",
        "camunda.client.request-timeout=PT60S"})
@ActiveProfiles("local")
class DashboardBenchmark {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DashboardQueries queries;

    @Test
    void dashboardAnswersWith100000Onboardings() throws Exception {
        int onboardings = Integer.getInteger("cso.benchmark.onboardings", 100_000);
        int requests = Integer.getInteger("cso.benchmark.requests", 300);
        int weeks = Integer.getInteger("cso.benchmark.weeks", 4);

        long started = System.nanoTime();
        long events = new DashboardDataGenerator(jdbc).generate(onboardings, Instant.now());
        jdbc.execute("analyze");
        double generateSeconds = (System.nanoTime() - started) / 1e9;
        assertThat(jdbc.queryForObject("select count(*) from onboarding", Long.class)).isEqualTo(onboardings);

        HttpClient http = signedInAsManager();
        URI dashboard = URI.create(base() + "/staff/dashboard?weeks=" + weeks);
        for (int i = 0; i < 30; i++) {
            get(http, dashboard);
        }
        // The app runs in this JVM, so the process's CPU time over the loop is what the requests cost, whatever else
        // the machine is doing (the wall-clock figures include waiting for a core on a busy machine).
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            String page = get(http, dashboard);
            micros.add((System.nanoTime() - t0) / 1000);
            assertThat(page).contains("How far onboardings got");
        }
        double cpuPerRequest = (os.getProcessCpuTime() - cpuBefore) / 1e6 / requests;
        double load = os.getSystemLoadAverage();
        micros.sort(Long::compare);
        // H2 answers a repeated query with unchanged parameters from its cache: the breakdown's queries are timed
        // once each, after the requests above warmed everything up.
        Instant now = Instant.now();
        Instant from = now.minus(java.time.Duration.ofDays(7L * weeks));
        String breakdown = String.join(", ",
                timed("stepsReached", () -> queries.stepsReached(from, now)),
                timed("outcomes", () -> queries.outcomes(from, now)),
                timed("invitations", () -> queries.invitations(from, now)),
                timed("reviews", () -> queries.reviews(from, now)),
                timed("overdue", () -> List.of(queries.pendingReviews(), queries.unconfirmedSetupCodes(),
                        queries.unusedInvitations())),
                timed("trend", () -> List.of(queries.startedSince(now.minus(java.time.Duration.ofDays(84))),
                        queries.activatedSince(now.minus(java.time.Duration.ofDays(84))))));
        String result = String.format(java.util.Locale.ROOT,
                "dashboard benchmark: %d onboardings, %d timeline rows (generated in %.0f s); period %d weeks; "
                        + "%d requests: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; CPU %.1f ms per request "
                        + "(machine load average %.1f on %d cores); query times: %s%n",
                onboardings, events, generateSeconds, weeks, requests, at(micros, 0.5), at(micros, 0.9),
                at(micros, 0.99), micros.getLast() / 1000.0, cpuPerRequest, load,
                Runtime.getRuntime().availableProcessors(), breakdown);
        System.out.print(result);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "dashboard-benchmark.txt"), result,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Time of one run of a query, in milliseconds. */
    private static String timed(String name, java.util.function.Supplier<?> query) {
        long t0 = System.nanoTime();
        query.get();
        return String.format(java.util.Locale.ROOT, "%s %.1f ms", name, (System.nanoTime() - t0) / 1e6);
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.ceil(quantile * sorted.size()) - 1) / 1000.0;
    }

    private HttpClient signedInAsManager() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String form = get(http, URI.create(base() + "/staff/sign-in"));
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).isTrue();
        String body = "username=manager&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        http.send(HttpRequest.newBuilder(URI.create(base() + "/staff/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return http;
    }

    private static String get(HttpClient http, URI uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri.toString()).isEqualTo(200);
        return response.body();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
