package org.csonline.onboarding.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.csonline.onboarding.fault.GrpcBackPressureProxy;
import org.csonline.onboarding.fault.TcpProxy;
import org.csonline.onboarding.harness.AppProcess;
import org.csonline.onboarding.harness.EngineProcess;
import org.csonline.onboarding.journey.FaultJourneys.Figures;
import org.csonline.onboarding.journey.FaultJourneys.Journey;
import org.csonline.onboarding.journey.FaultJourneys.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults of issue 10, each with 20 whole journeys in flight, against the app jar in its own process, the engine in
 * another, WireMock as SendGrid and Twilio, and a file database served over TCP. Between app and engine sit a TCP
 * proxy (cut) and a gRPC proxy (back-pressure); between app and database another TCP proxy (cut). One app serves
 * the first three tests (starting it is the slowest part); the last kills it and starts another on the same database
 * and engine. Each test prints its figures, asserts on them, and finishes its journeys within two minutes of its own
 * start.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    static final int JOURNEYS = 20;
    static final Duration OUTAGE = Duration.ofSeconds(30);
    static final Duration BUDGET = Duration.ofSeconds(115);
    static final Duration STAGGER = Duration.ofMillis(300);

    static FaultStack stack;
    static EngineProcess engine;
    static GrpcBackPressureProxy pushBack;
    static TcpProxy engineLink;
    static TcpProxy databaseLink;
    static AppProcess.Builder appConfiguration;
    static AppProcess app;

    @BeforeAll
    static void startTheStack() {
        stack = new FaultStack();
        engine = EngineProcess.start();
        // Never pushes back until a test asks it to (every 1 000 000th call).
        pushBack = GrpcBackPressureProxy.to(engine.port(), Set.of("CreateProcessInstance", "PublishMessage"), 1_000_000);
        engineLink = TcpProxy.to(portOf(pushBack.grpcAddress()));
        databaseLink = TcpProxy.to(stack.databasePort());
        appConfiguration = stack.app("http://127.0.0.1:" + engineLink.port(), databaseLink.port());
        app = appConfiguration.start();
    }

    @AfterAll
    static void stopTheStack() {
        for (AutoCloseable part : new AutoCloseable[] {app, databaseLink, engineLink, pushBack, engine, stack}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                // stop the rest
            }
        }
    }

    static int portOf(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    @Test
    @Order(1)
    void engineAwayThirtySecondsEveryJourneyCompletesWithoutAnErrorPage() {
        FaultJourneys run = new FaultJourneys(app.baseUrl(), stack, BUDGET);
        List<Journey> journeys = run.journeys(JOURNEYS);
        Thread driver = Thread.ofPlatform().daemon().start(() -> run.runAll(journeys, Stage.ACTIVATED, STAGGER));

        FaultJourneys.sleep(Duration.ofSeconds(8));
        engineLink.cut();
        String during = stages(journeys);
        FaultJourneys.sleep(OUTAGE);
        engineLink.heal();
        run.faultEnded();
        join(driver);

        Figures figures = report(run, journeys, "engine away " + OUTAGE.toSeconds() + " s, cut with journeys at "
                + during);
        assertThat(figures.tryAgainPages()).as("the engine away never makes a page ask to try again").isZero();
        assertThat(pendingCommands()).as("every process command acknowledged").isZero();
    }

    @Test
    @Order(2)
    void backPressureEveryJourneyCompletesWithoutAnErrorPage() {
        FaultJourneys run = new FaultJourneys(app.baseUrl(), stack, BUDGET);
        List<Journey> journeys = run.journeys(JOURNEYS);
        try (GrpcBackPressureProxy.PushBack on = pushBack.pushBackEvery(3)) {
            run.runAll(journeys, Stage.ACTIVATED, STAGGER);
        }
        Figures figures = report(run, journeys, "back-pressure, " + pushBack.rejected() + " of " + pushBack.calls()
                + " starts and publishes answered RESOURCE_EXHAUSTED");
        assertThat(pushBack.rejected()).as("the engine pushed back").isGreaterThan(JOURNEYS);
        assertThat(figures.tryAgainPages()).as("back-pressure never makes a page ask to try again").isZero();
    }

    @Test
    @Order(3)
    void databaseAwayThirtySecondsPagesSayTryAgainAndTheAppRecoversByItself() {
        FaultJourneys run = new FaultJourneys(app.baseUrl(), stack, BUDGET);
        List<Journey> journeys = run.journeys(JOURNEYS);
        Thread driver = Thread.ofPlatform().daemon().start(() -> run.runAll(journeys, Stage.ACTIVATED, STAGGER));

        FaultJourneys.sleep(Duration.ofSeconds(8));
        databaseLink.cut();
        String during = stages(journeys);
        FaultJourneys.sleep(OUTAGE);
        databaseLink.heal();
        run.faultEnded();
        join(driver);

        Figures figures = report(run, journeys, "database away " + OUTAGE.toSeconds() + " s, cut with journeys at "
                + during);
        assertThat(figures.tryAgainPages()).as("pages during the cut were the service's own 503 page")
                .isPositive();
        assertThat(pendingCommands()).as("every process command acknowledged").isZero();
        assertThat(app.isAlive()).as("recovered without a restart").isTrue();
    }

    @Test
    @Order(4)
    void appKilledMidJourneysAndStartedAgainNothingIsLostOrSentTwice() {
        FaultJourneys run = new FaultJourneys(app.baseUrl(), stack, BUDGET);
        List<Journey> journeys = run.journeys(JOURNEYS);
        Thread driver = Thread.ofPlatform().daemon().start(() -> run.runAll(journeys, Stage.ACTIVATED, STAGGER));

        // Staff and applicants are signed in by now; their sessions live in the database and outlive the app.
        FaultJourneys.sleep(Duration.ofSeconds(8));
        int pendingAtKill = pendingCommands(Duration.ZERO);
        String during = stages(journeys);
        app.kill();
        int sendsInFlight = stack.jdbc().sql("select count(*) from message_delivery where status = 'PENDING'")
                .query(Integer.class).single();
        app = appConfiguration.port(app.port()).start();
        run.faultEnded();
        join(driver);

        Figures figures = report(run, journeys, "app killed (SIGKILL) with " + pendingAtKill
                + " process commands unsent and " + sendsInFlight + " sends in flight, journeys at " + during,
                sendsInFlight);
        assertThat(pendingCommands()).as("every process command acknowledged").isZero();
        assertThat(figures.failedConnections()).as("pages that got no answer while it was down").isPositive();
    }

    private static Figures report(FaultJourneys run, List<Journey> journeys, String what) {
        return report(run, journeys, what, 0);
    }

    /**
     * @param sendsInFlight sends the provider may or may not have taken when the app died (claimed, not recorded):
     *                      each is sent again once its claim lapses, so it may arrive twice, and no other may
     */
    private static Figures report(FaultJourneys run, List<Journey> journeys, String what, int sendsInFlight) {
        Figures figures = run.figures(journeys);
        System.out.println(figures.line(what));
        assertThat(figures.completed()).as(figures.line(what)).isEqualTo(JOURNEYS);
        assertThat(figures.duplicates()).as("emails or codes sent twice").isLessThanOrEqualTo(sendsInFlight);
        assertThat(figures.errorPages()).as("error pages").isZero();
        return figures;
    }

    /**
     * Commands still unsent once every journey finished: a claim made just as the database went away lapses after
     * the relay's lease, so this waits for that long at most.
     */
    private static int pendingCommands() {
        return pendingCommands(FaultStack.CLAIM_TIMEOUT.plusSeconds(5));
    }

    private static int pendingCommands(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        int pending;
        do {
            pending = stack.jdbc().sql("select count(*) from process_command where status = 'PENDING'")
                    .query(Integer.class).single();
            if (pending > 0) {
                FaultJourneys.sleep(Duration.ofMillis(500));
            }
        } while (pending > 0 && System.nanoTime() < deadline);
        return pending;
    }

    private static String stages(List<Journey> journeys) {
        return journeys.stream().map(j -> j.stage.name()).distinct().sorted().toList().toString();
    }

    private static void join(Thread driver) {
        try {
            driver.join(BUDGET.plusSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        driver.interrupt();
    }
}
