package org.csonline.onboarding.process;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.csonline.onboarding.support.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the commands pages wrote (see {@link OnboardingProcess}) to the engine, oldest first per onboarding, and
 * tries again with backoff until the engine acknowledges each one. Safe with several app instances: a command is
 * claimed before it is sent, and a claim that outlives its lease (its sender died) is taken over. A command sent
 * twice is harmless: a message by its message id, a start by the check in {@link ProcessInstanceGuard}.
 */
@Component
public class ProcessCommandRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessCommandRelay.class);
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(1);
    private static final Duration QUIET_LOGS = Duration.ofMinutes(1);

    private final ProcessCommandStore store;
    private final ProcessInstanceOwners onboardings;
    private final OnboardingProcess process;
    private final CamundaClient client;
    private final ProcessProperties processProperties;
    private final ProcessCommandProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String owner = "relay-" + UUID.randomUUID();
    private final Semaphore wake = new Semaphore(0);
    /** Answers the engine gave that could not be written because the database was away; written first next round. */
    private final ConcurrentLinkedQueue<Runnable> unwrittenAnswers = new ConcurrentLinkedQueue<>();

    private volatile Thread thread;
    private volatile boolean running;
    private volatile EngineContact contact = new EngineContact(null, null, null);
    private Instant nextCleanup = Instant.MIN;
    private Instant lastLoopWarning = Instant.MIN;

    public ProcessCommandRelay(ProcessCommandStore store, ProcessInstanceOwners onboardings, OnboardingProcess process,
            CamundaClient client, ProcessProperties processProperties, ProcessCommandProperties properties,
            TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.onboardings = onboardings;
        this.process = process;
        this.client = client;
        this.processProperties = processProperties;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What the relay last heard from the engine: for the health check and the staff pages. */
    public EngineContact contact() {
        return contact;
    }

    @EventListener
    void commandsWritten(OnboardingProcess.ProcessCommandsWritten written) {
        wake.release();
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("process-command-relay").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(properties.requestTimeout().plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the Camunda client closes and starts after it exists (the default phase is the last). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    private void loop() {
        while (running) {
            int acknowledged = 0;
            try {
                acknowledged = relayOnce();
            } catch (RuntimeException e) {
                // The database is away, most likely: the commands wait there and are sent when it is back.
                warnAtMostEveryMinute("Process command relay could not read its commands: " + e.getMessage());
            }
            if (acknowledged == 0) {
                try {
                    wake.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * One round: claims the due head command of each onboarding, sends them side by side, and records each answer.
     * Returns how many the engine acknowledged (the next of their onboardings may be due at once).
     */
    public int relayOnce() {
        writeUnwrittenAnswers();
        Instant now = clock.instant();
        cleanUp(now);
        List<ProcessCommand> claimed = store.claimHeads(owner, now, now.plus(properties.claimTimeout()),
                properties.batchSize());
        if (claimed.isEmpty()) {
            return 0;
        }
        List<Future<?>> sends = new ArrayList<>(claimed.size());
        for (ProcessCommand command : claimed) {
            sends.add(send(command));
        }
        long deadline = System.nanoTime() + properties.requestTimeout().plusSeconds(1).toNanos();
        int acknowledged = 0;
        for (int i = 0; i < claimed.size(); i++) {
            if (answered(claimed.get(i), sends.get(i), deadline)) {
                acknowledged++;
            }
        }
        return acknowledged;
    }

    private Future<?> send(ProcessCommand command) {
        try {
            return switch (command.kind()) {
                case START -> client.newCreateInstanceCommand()
                        .bpmnProcessId(OnboardingProcess.PROCESS_ID)
                        .latestVersion()
                        .variables(command.variables())
                        .requestTimeout(properties.requestTimeout())
                        .send();
                case PUBLISH -> client.newPublishMessageCommand()
                        .messageName(command.messageName())
                        .correlationKey(command.onboardingId().toString())
                        .messageId(command.messageId())
                        .timeToLive(processProperties.messageTtl())
                        .variables(command.variables() == null ? "{}" : command.variables())
                        .requestTimeout(properties.requestTimeout())
                        .send();
                case CANCEL -> client.newCancelInstanceCommand(command.processInstanceKey())
                        .requestTimeout(properties.requestTimeout())
                        .send();
            };
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private boolean answered(ProcessCommand command, Future<?> send, long deadline) {
        Object response;
        try {
            response = send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (harmlessRepeat(command, e.getCause())) {
                return acknowledged(command, null);
            }
            failed(command, e.getCause());
            return false;
        } catch (TimeoutException e) {
            send.cancel(true);
            failed(command, new TimeoutException("no answer within " + properties.requestTimeout()));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return acknowledged(command, response instanceof ProcessInstanceEvent started
                ? started.getProcessInstanceKey() : null);
    }

    /** The engine already has it: a message id it knows, an instance that is already gone. */
    static boolean harmlessRepeat(ProcessCommand command, Throwable failure) {
        return switch (command.kind()) {
            case PUBLISH -> is(failure, Status.Code.ALREADY_EXISTS, 409);
            case CANCEL -> is(failure, Status.Code.NOT_FOUND, 404);
            case START -> false;
        };
    }

    private static boolean is(Throwable failure, Status.Code grpc, int http) {
        if (failure instanceof ClientHttpException httpFailure) {
            return httpFailure.code() == http;
        }
        // The gRPC route fails with the client's ClientStatusException or grpc's own StatusRuntimeException.
        return failure instanceof ClientStatusException status ? status.getStatusCode() == grpc
                : Status.fromThrowable(failure).getCode() == grpc;
    }

    /**
     * Writes the answers the database missed, oldest first, while this relay still holds their claims: without them
     * an onboarding's next command would wait until the claim lapsed. Stops at the first that fails again.
     */
    private void writeUnwrittenAnswers() {
        for (Runnable write = unwrittenAnswers.peek(); write != null; write = unwrittenAnswers.peek()) {
            write.run();
            unwrittenAnswers.poll();
        }
    }

    /** Writes an answer, or keeps it for the next round when the database cannot be reached. */
    private boolean write(Runnable answer) {
        try {
            answer.run();
            return true;
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnreachable(e)) {
                throw e;
            }
            unwrittenAnswers.add(answer);
            return false;
        }
    }

    private boolean acknowledged(ProcessCommand command, Long processInstanceKey) {
        Instant now = clock.instant();
        contact = new EngineContact(now, contact.lastFailureAt(), contact.lastError());
        return write(() -> markDone(command, processInstanceKey, now));
    }

    private void markDone(ProcessCommand command, Long processInstanceKey, Instant now) {
        transaction.execute(status -> {
            if (!store.markDone(command.id(), owner, now, processInstanceKey)) {
                return false;
            }
            if (command.kind() == ProcessCommand.Kind.START && processInstanceKey != null) {
                Optional<Long> owning = onboardings.claimProcessInstance(command.onboardingId(), processInstanceKey);
                if (owning.isPresent() && owning.get() != processInstanceKey.longValue()) {
                    log.warn("The start of onboarding {} made a second instance {}; cancelling it ({} is the "
                            + "onboarding's)", command.onboardingId(), processInstanceKey, owning.get());
                    process.cancelDuplicate(command.onboardingId(), processInstanceKey);
                }
            }
            return true;
        });
    }

    private void failed(ProcessCommand command, Throwable failure) {
        Instant now = clock.instant();
        String error = describe(failure);
        contact = new EngineContact(contact.lastAcknowledgedAt(), now, error);
        Duration wait = properties.backoffAfter(command.attempts() + 1);
        write(() -> store.markFailed(command.id(), owner, now.plus(wait), error));
        if (command.attempts() == 0 || command.attempts() % 10 == 9) {
            log.warn("The engine did not acknowledge the {} (try {}): {}. Trying again in {} ms.", command.describe(),
                    command.attempts() + 1, error, wait.toMillis());
        }
    }

    private static String describe(Throwable failure) {
        if (failure instanceof ClientStatusException status) {
            return status.getStatusCode() + ": " + status.getStatus().getDescription();
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private void cleanUp(Instant now) {
        if (now.isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = now.plus(CLEANUP_EVERY);
        int deleted = store.deleteDoneBefore(now.minus(properties.keepDone()));
        if (deleted > 0) {
            log.info("Deleted {} process commands acknowledged more than {} ago", deleted, properties.keepDone());
        }
    }

    private void warnAtMostEveryMinute(String message) {
        Instant now = Instant.now();
        if (now.isAfter(lastLoopWarning.plus(QUIET_LOGS))) {
            lastLoopWarning = now;
            log.warn(message);
        }
    }

    /** When the engine last acknowledged a command, and when and why it last did not. */
    public record EngineContact(Instant lastAcknowledgedAt, Instant lastFailureAt, String lastError) {

        /** Whether the last thing heard from the engine was a failure. */
        public boolean failing() {
            return lastFailureAt != null && (lastAcknowledgedAt == null || lastFailureAt.isAfter(lastAcknowledgedAt));
        }
    }
}
