package org.csonline.onboarding.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.csonline.onboarding.fault.TcpProxy;
import org.csonline.onboarding.harness.AppProcess;
import org.csonline.onboarding.harness.EngineProcess;
import org.csonline.onboarding.journey.FaultJourneys.Figures;
import org.csonline.onboarding.journey.FaultJourneys.Journey;
import org.csonline.onboarding.journey.FaultJourneys.Stage;
import org.junit.jupiter.api.Test;

/**
 * Engine away: 20 journeys in flight, the link between app and engine cut for 30 s (every connection dropped, new
 * ones refused), then healed. Every journey completes, no page fails, nothing is sent twice, no decision is lost.
 */
class EngineAwayIT {

    static final int JOURNEYS = 20;
    static final Duration OUTAGE = Duration.ofSeconds(30);

    @Test
    void twentyJourneysCompleteThroughAThirtySecondEngineOutage() {
        long began = System.nanoTime();
        try (FaultStack stack = new FaultStack();
             EngineProcess engine = EngineProcess.start();
             TcpProxy link = TcpProxy.to(engine.port());
             AppProcess app = stack.app("http://127.0.0.1:" + link.port(), stack.databasePort()).start()) {
            FaultJourneys run = new FaultJourneys(app.baseUrl(), stack.jdbc(),
                    Duration.ofSeconds(115).minusNanos(System.nanoTime() - began));
            List<Journey> journeys = run.journeys(JOURNEYS);
            Thread driver = Thread.ofPlatform().daemon().start(
                    () -> run.runAll(journeys, Stage.ACTIVATED, Duration.ofMillis(300)));

            FaultJourneys.sleep(Duration.ofSeconds(8));
            link.cut();
            String during = journeys.stream().map(j -> j.stage.name()).distinct().sorted().toList().toString();
            FaultJourneys.sleep(OUTAGE);
            link.heal();
            run.faultEnded();
            join(driver);

            Figures figures = run.figures(journeys);
            System.out.println(figures.line("engine away " + OUTAGE.toSeconds() + " s (journeys at " + during
                    + " when cut)"));
            assertThat(figures.completed()).as(figures.line("engine away")).isEqualTo(JOURNEYS);
            assertThat(figures.duplicates()).as("emails or codes sent twice").isZero();
            assertThat(figures.errorPages()).as("error pages").isZero();
            assertThat(figures.tryAgainPages()).as("the engine away never makes a page ask to try again").isZero();
            assertThat(stack.jdbc().sql("select count(*) from process_command where status = 'PENDING'")
                    .query(Integer.class).single()).as("every process command acknowledged").isZero();
        }
    }

    static void join(Thread driver) {
        try {
            driver.join(Duration.ofSeconds(120));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        driver.interrupt();
    }
}
