package org.csonline.onboarding.benchmark;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.net.HttpCookie;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The journey benchmark: the baseline (bare engine) first, then the app jar in its own JVM, a warm-up that is not
 * counted, and the measured phase: either {@code bench.concurrency} journeys at a time for {@code bench.duration}
 * (or for {@code bench.journeys} journeys in all), or {@code bench.rate} new journeys per second. Writes Gatling's
 * HTML report and a one-line summary to {@code target/benchmark/summary.txt} (appended to
 * {@code summaries.txt}). The app runs on {@code bench.database}: its in-memory H2 or an embedded PostgreSQL
 * ({@link Database}). See docs/performance.md.
 */
public class JourneySimulation extends Simulation {

    private final int concurrency = Integer.getInteger("bench.concurrency", 20);
    private final double rate = Double.parseDouble(System.getProperty("bench.rate", "0"));
    private final Duration warmup = Duration.parse(System.getProperty("bench.warmup", "PT1M"));
    private final Duration duration = Duration.parse(System.getProperty("bench.duration", "PT2M"));
    private final int journeys = Integer.getInteger("bench.journeys", 0);
    private final Path out = Path.of(System.getProperty("bench.out", "target/benchmark"));
    private final String databaseName = System.getProperty("bench.database", "h2");
    private final int port = AppUnderTest.freePort();
    private final Figures figures = new Figures();
    private final Journey journey = new Journey(figures);
    private Database database;
    private AppUnderTest app;
    private Baseline.Result baseline;
    private Duration cpuAtStart;
    private Duration databaseCpuAtStart;
    private long heapAtStart = -1;
    private String loadAtStart;

    {
        HttpProtocolBuilder protocol = http.baseUrl("http://127.0.0.1:" + port)
                .acceptHeader("text/html,application/xhtml+xml,*/*;q=0.8")
                .disableCaching()
                .shareConnections();
        ChainBuilder startMeasuring = exec(session -> {
            if (figures.measuredFrom() == 0) {
                synchronized (figures) {
                    if (figures.measuredFrom() == 0) {
                        // a full collection first, so the heap figure is what the warm-up left behind
                        heapAtStart = app.heapAfterFullGcMib();
                        cpuAtStart = app.cpuTime();
                        databaseCpuAtStart = database.cpuTime();
                        figures.startMeasuring();
                    }
                }
                loadAtStart = AppUnderTest.loadAverage();
            }
            return session;
        });
        PopulationBuilder warm = scenario("warm-up")
                .group("warm-up").on(during(warmup).on(journey.chain(false)))
                .injectOpen(atOnceUsers(Math.max(1, concurrency)));
        PopulationBuilder measured;
        if (rate > 0) {
            measured = scenario("measured").exec(startMeasuring).exec(journey.chain(true))
                    .injectOpen(constantUsersPerSec(rate).during(duration));
        } else if (journeys > 0) {
            measured = scenario("measured").exec(startMeasuring)
                    .exec(repeat(Math.max(1, journeys / concurrency)).on(journey.chain(true)))
                    .injectOpen(atOnceUsers(concurrency));
        } else {
            measured = scenario("measured").exec(startMeasuring).exec(during(duration).on(journey.chain(true)))
                    .injectOpen(atOnceUsers(concurrency));
        }
        setUp(warmup.isZero() ? measured : warm.andThen(measured)).protocols(protocol);
    }

    @Override
    public void before() {
        try {
            Path jar = Path.of(System.getProperty("bench.app.jar"));
            List<String> engineFlags = words(System.getProperty("bench.engine.jvm-flags", ""));
            baseline = Baseline.run(jar, Path.of(System.getProperty("bench.baseline.classes")), engineFlags,
                    Math.max(concurrency, 10), Duration.parse(System.getProperty("bench.baseline.duration", "PT40S")), out);
            List<String> jvm = new java.util.ArrayList<>(engineFlags);
            jvm.addAll(words(System.getProperty("bench.app.jvm-args", "")));
            // after the baseline, which has no database, so PostgreSQL does not compete with it
            database = Database.start(databaseName, out);
            List<String> properties = new java.util.ArrayList<>(database.appProperties());
            properties.addAll(words(System.getProperty("bench.app.properties", "")));
            app = AppUnderTest.start(jar, port, jvm, properties, out);
            journey.staffSignIn(() -> new HttpCookie[] {app.signInStaff("caseworker"), app.signInStaff("reviewer")},
                    rate > 0 ? (int) Math.ceil(rate * 20) : concurrency);
        } catch (IOException | RuntimeException e) {
            stop();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the app, then its database (which must outlive the app's connections); each only if it was started. */
    private void stop() {
        try {
            if (app != null) {
                app.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    @Override
    public void after() {
        try {
            long end = System.currentTimeMillis();
            Duration cpu = app.cpuTime().minus(cpuAtStart == null ? Duration.ZERO : cpuAtStart);
            Duration databaseCpu = database.cpuTime().minus(databaseCpuAtStart == null ? Duration.ZERO : databaseCpuAtStart);
            long[] rss = app.residentMib();
            long heapAtEnd = app.heapAfterFullGcMib();
            String summary = summary(end, cpu, databaseCpu, rss, heapAtEnd);
            System.out.println(summary);
            Files.createDirectories(out);
            Files.writeString(out.resolve("summary.txt"), summary + System.lineSeparator());
            Files.writeString(out.resolve("summaries.txt"), summary + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            stop();
        }
    }

    private String summary(long end, Duration cpu, Duration databaseCpu, long[] rss, long heapAtEnd) {
        long done = figures.journeys();
        double perSecond = figures.journeysPerSecond(end);
        int block = done >= 2000 ? 500 : (int) Math.max(1, done / 4);
        String load = (rate > 0 ? "rate=" + rate + "/s" : "concurrency=" + concurrency)
                + (journeys > 0 ? " journeys=" + journeys : " duration=" + duration) + " warmup=" + warmup;
        // the app's figure never includes a database in processes of its own: that one is given beside it
        String databaseCpuPerJourney = database.ownProcesses()
                ? String.format(Locale.ROOT, " (+ database %.3f)", done > 0 ? databaseCpu.toMillis() / 1000.0 / done : 0)
                : "";
        return String.format(Locale.ROOT,
                "BENCHMARK %s | %s | database=%s | journeys/s=%.2f (%d journeys in %.0f s) | baseline instances/s=%.2f (%d jobs, %d messages"
                        + " per instance) | ratio=%.1f%% | failed journeys=%d, failed requests see report | cpu-s/journey=%.3f%s"
                        + " | rss=%d MiB (peak %d) | heap after full GC %d -> %d MiB (%.0f MiB per 1000 journeys) | startup=%.1f s | load avg %s -> %s | per %d journeys: %s"
                        + " | pages p50/p95/p99 ms: all %s; worst p99 %s; %s | to outbox p50/p95/p99 ms: %s",
                Instant.now(), load, database.description(), perSecond, done, (end - figures.measuredFrom()) / 1000.0,
                baseline.instancesPerSecond(), baseline.jobs(), baseline.messages(),
                baseline.instancesPerSecond() > 0 ? 100 * perSecond / baseline.instancesPerSecond() : 0,
                figures.failedJourneys(), done > 0 ? cpu.toMillis() / 1000.0 / done : 0, databaseCpuPerJourney, rss[0], rss[1],
                heapAtStart, heapAtEnd, done > 0 ? (heapAtEnd - heapAtStart) * 1000.0 / done : 0,
                app.startup().toMillis() / 1000.0, loadAtStart, AppUnderTest.loadAverage(), block,
                figures.ratePerBlock(block).stream().map(r -> String.format(Locale.ROOT, "%.2f", r))
                        .collect(Collectors.joining(",")),
                figures.allPagesPercentiles(), figures.worstPage(), figures.pagePercentiles(),
                figures.deliveryPercentiles());
    }

    /** Comma-separated (the Gatling plugin quotes a JVM argument with spaces, quotes included). */
    private static List<String> words(String value) {
        return Arrays.stream(value.replace("\"", "").trim().split("[,\\s]+")).filter(w -> !w.isEmpty()).toList();
    }
}
