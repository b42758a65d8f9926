package org.csonline.onboarding.process;

import io.camunda.client.CamundaClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness component {@code processEngine}: whether the engine answers, and how many process commands wait to reach
 * it. Ready while the backlog is below {@code cso.process-commands.ready-backlog}, whether or not the engine answers:
 * pages keep working while it is away (their commands wait in the outbox), so taking every instance out of the load
 * balancer would turn a short engine outage into a whole-service one. A backlog that large means the engine has been
 * away (or too slow) for long enough that new work should go elsewhere. Liveness does not include this.
 */
@Component("processEngine")
class ProcessEngineHealth implements HealthIndicator {

    private static final Duration PROBE_EVERY = Duration.ofSeconds(5);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final ProcessCommandStore commands;
    private final CamundaClient client;
    private final ProcessCommandProperties properties;
    private final Clock clock;
    private volatile Probe lastProbe = new Probe(Instant.MIN, false, "not asked yet");

    ProcessEngineHealth(ProcessCommandStore commands, CamundaClient client, ProcessCommandProperties properties,
            Clock clock) {
        this.commands = commands;
        this.client = client;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Health health() {
        ProcessCommandStore.Backlog backlog = commands.backlog();
        Probe engine = probe();
        Health.Builder health = backlog.pending() < properties.readyBacklog() ? Health.up() : Health.outOfService();
        health.withDetail("engine", engine.reachable() ? "reachable" : "unreachable")
                .withDetail("backlog", backlog.pending())
                .withDetail("readyBelow", properties.readyBacklog());
        if (backlog.oldestAt() != null) {
            health.withDetail("oldestWaitingSeconds", Duration.between(backlog.oldestAt(), clock.instant()).toSeconds());
        }
        if (!engine.reachable()) {
            health.withDetail("engineError", engine.error());
        }
        return health.build();
    }

    /** The engine's topology, asked at most every few seconds so health checks do not load it. */
    private Probe probe() {
        Instant now = Instant.now();
        Probe last = lastProbe;
        if (now.isBefore(last.at().plus(PROBE_EVERY))) {
            return last;
        }
        Probe probe;
        try {
            client.newTopologyRequest().requestTimeout(PROBE_TIMEOUT).send().join();
            probe = new Probe(now, true, null);
        } catch (RuntimeException e) {
            probe = new Probe(now, false, e.getClass().getSimpleName());
        }
        lastProbe = probe;
        return probe;
    }

    private record Probe(Instant at, boolean reachable, String error) {
    }
}
