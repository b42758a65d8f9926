package org.csonline.onboarding.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.DeploymentEvent;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessMessageSubscriptionIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessMessageSubscriptionRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Plays the web app and the job workers against the real model: starts onboardings, publishes messages,
 * completes jobs, and quietly completes the journey-timeline listener jobs so the instance never stalls on them.
 */
final class ProcessDriver {

    static final String PROCESS_ID = "cso-onboarding";
    static final String TIMELINE_STARTED = "timeline-step-started";
    static final String TIMELINE_ENDED = "timeline-step-ended";
    static final Duration INVITATION_RELEASE_DELAY = Duration.ofDays(2);
    static final String SETUP_CODE_CONFIRMATION_DUE = "2030-01-15T17:00:00Z";
    static final String ACCESS_REVIEW_DUE = "2030-02-01T17:00:00Z";
    static final String ACCESS_REVIEW_FOLLOW_UP = "2030-01-30T09:00:00Z";
    static final Duration SETUP_CODE_REMINDER = Duration.ofDays(3);
    static final Duration INVITATION_REMINDER_DELAY = Duration.ofDays(7);
    static final Duration INVITATION_VALIDITY = Duration.ofDays(28);
    static final Duration CODE_ROUND_ABANDONMENT_DELAY = Duration.ofHours(24);
    /** Messages the event subprocesses wait for during the whole onboarding. */
    static final Set<String> ALWAYS_AWAITED = Set.of("onboarding-cancelled", "email-undeliverable");

    private static final Set<Intent> OPEN_OR_CLOSED =
            Set.of(
                    ProcessMessageSubscriptionIntent.CREATED,
                    ProcessMessageSubscriptionIntent.CORRELATED,
                    ProcessMessageSubscriptionIntent.DELETED);
    private static final Duration MESSAGE_TTL = Duration.ofHours(1);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration JOB_WAIT = Duration.ofSeconds(15);

    private final ZeebeTestEngine engine;
    private final ZeebeClient client;
    private final List<ActivatedJob> timelineJobs = new ArrayList<>();
    private Duration timePassed = Duration.ZERO;

    ProcessDriver(ZeebeTestEngine engine, ZeebeClient client) {
        this.engine = engine;
        this.client = client;
    }

    /** Deploys the model with its forms in one deployment, as the app does at start (the forms bind to it). */
    DeploymentEvent deploy() {
        return client
                .newDeployResourceCommand()
                .addResourceFromClasspath("bpmn/cso-onboarding.bpmn")
                .addResourceFromClasspath("bpmn/forms/confirm-setup-code.form")
                .addResourceFromClasspath("bpmn/forms/enter-applicant-details.form")
                .addResourceFromClasspath("bpmn/forms/review-access.form")
                .addResourceFromClasspath("bpmn/forms/start-onboarding.form")
                .send()
                .join();
    }

    /** Starts an onboarding with the variables the web app sets, and runs it to its first wait. */
    Onboarding start() {
        return create(Map.of(), null);
    }

    /** Starts an onboarding with some of the start variables changed, e.g. a due date relative to now. */
    Onboarding start(Map<String, Object> changedVariables) {
        return create(changedVariables, null);
    }

    /** Runs a started onboarding to its invitation: setup email, confirmed code, release timer, invitation email. */
    void inviteApplicant(Onboarding onboarding) {
        completeJob("send-setup-email");
        publish(onboarding, "setup-code-checked", Map.of("setupCodeOutcome", "CONFIRMED"));
        planInvitationRelease();
        increaseTime(INVITATION_RELEASE_DELAY);
        completeJob("send-invitation-email");
    }

    /** Starts an onboarding just before {@code elementId}, e.g. to play a Tasklist completion. */
    Onboarding startBefore(String elementId, Map<String, Object> variables) {
        return create(variables, elementId);
    }

    /** The variables {@code OnboardingService.start} sets, with the engine's clock as now. */
    Map<String, Object> startVariables() {
        var now = now();
        var variables = new HashMap<String, Object>();
        variables.put("invitationReleaseDelay", INVITATION_RELEASE_DELAY.toString());
        variables.put("setupCodeConfirmationDue", SETUP_CODE_CONFIRMATION_DUE);
        variables.put("setupCodeReminderAt", now.plus(SETUP_CODE_REMINDER).toString());
        variables.put("invitationReminderDelay", INVITATION_REMINDER_DELAY.toString());
        variables.put("invitationValidity", INVITATION_VALIDITY.toString());
        variables.put("codeRoundAbandonmentDelay", CODE_ROUND_ABANDONMENT_DELAY.toString());
        return variables;
    }

    /** Starts an onboarding as Tasklist does with the start form: its fields (now none), no onboarding id. */
    ProcessInstanceEvent startFromTasklist(Map<String, Object> formFields) {
        var variables = new HashMap<String, Object>(formFields);
        var instance = client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion()
                .variables(variables).send().join();
        settle();
        return instance;
    }

    /** Plays the worker of plan-invitation-release: the release falls INVITATION_RELEASE_DELAY from now. */
    ActivatedJob planInvitationRelease() {
        return completeJob("plan-invitation-release",
                Map.of("invitationReleaseAt", now().plus(INVITATION_RELEASE_DELAY).toString()));
    }

    /** The fields of record-confirmation-submitted, as the web app publishes them. */
    static Map<String, Object> recordConfirmation() {
        return Map.of("accessReviewDue", ACCESS_REVIEW_DUE, "accessReviewFollowUp", ACCESS_REVIEW_FOLLOW_UP);
    }

    private Onboarding create(Map<String, Object> variables, String startBeforeElementId) {
        var onboardingId = UUID.randomUUID().toString();
        var allVariables = startVariables();
        allVariables.putAll(variables);
        allVariables.put("onboardingId", onboardingId);
        var command =
                client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion().variables(allVariables);
        if (startBeforeElementId != null) {
            command = command.startBeforeElement(startBeforeElementId);
        }
        ProcessInstanceEvent instance = command.send().join();
        settle();
        return new Onboarding(onboardingId, instance);
    }

    /** Publishes a message as the web app does: correlated by onboarding id, with a time to live. */
    void publish(Onboarding onboarding, String messageName, Map<String, Object> variables) {
        client
                .newPublishMessageCommand()
                .messageName(messageName)
                .correlationKey(onboarding.id())
                .messageId(messageName + "-" + UUID.randomUUID())
                .timeToLive(MESSAGE_TTL)
                .variables(variables)
                .send()
                .join();
        settle();
    }

    void publish(Onboarding onboarding, String messageName) {
        publish(onboarding, messageName, Map.of());
    }

    /** Completes the one pending job of {@code type}, as its worker would, and returns it. */
    ActivatedJob completeJob(String type, Map<String, Object> variables) {
        var job = awaitJob(type);
        client.newCompleteCommand(job.getKey()).variables(variables).send().join();
        settle();
        return job;
    }

    ActivatedJob completeJob(String type) {
        return completeJob(type, Map.of());
    }

    /** Lets engine time pass, e.g. to fire a timer, then runs what became due. */
    void increaseTime(Duration duration) {
        engine.increaseTime(duration);
        timePassed = timePassed.plus(duration);
        settle();
    }

    /** The engine's clock: the wall clock plus the time the test let pass. */
    java.time.Instant now() {
        return java.time.Instant.now().plus(timePassed);
    }

    /** Runs the instance until it waits for something other than a timeline listener job. */
    void settle() {
        while (true) {
            waitForIdle();
            var types = Stream.of(TIMELINE_STARTED, TIMELINE_ENDED).filter(type -> !pendingJobs(type).isEmpty()).toList();
            if (types.isEmpty()) {
                return;
            }
            for (var type : types) {
                for (var job : activate(type)) {
                    timelineJobs.add(job);
                    client.newCompleteCommand(job.getKey()).send().join();
                }
            }
        }
    }

    /** The timeline listener jobs completed so far, as the timeline worker received them. */
    List<ActivatedJob> timelineJobs() {
        return List.copyOf(timelineJobs);
    }

    /** Jobs of {@code type} the engine created so far, from the record stream (activated or not). */
    List<JobRecordValue> createdJobs(String type) {
        return records(ValueType.JOB)
                .filter(record -> record.getIntent() == JobIntent.CREATED)
                .map(record -> (JobRecordValue) record.getValue())
                .filter(job -> job.getType().equals(type))
                .toList();
    }

    /** Jobs of {@code type} created and not yet completed or cancelled. */
    List<JobRecordValue> pendingJobs(String type) {
        var finishedKeys =
                records(ValueType.JOB)
                        .filter(record -> record.getIntent() == JobIntent.COMPLETED || record.getIntent() == JobIntent.CANCELED)
                        .map(Record::getKey)
                        .toList();
        return records(ValueType.JOB)
                .filter(record -> record.getIntent() == JobIntent.CREATED)
                .filter(record -> !finishedKeys.contains(record.getKey()))
                .map(record -> (JobRecordValue) record.getValue())
                .filter(job -> job.getType().equals(type))
                .toList();
    }

    /** User tasks the engine created for {@code elementId}. */
    List<UserTaskRecordValue> createdUserTasks(String elementId) {
        return records(ValueType.USER_TASK)
                .filter(record -> record.getIntent() == UserTaskIntent.CREATED)
                .map(record -> (UserTaskRecordValue) record.getValue())
                .filter(task -> task.getElementId().equals(elementId))
                .toList();
    }

    /**
     * Names of the messages the onboarding waits for now, leaving out {@link #ALWAYS_AWAITED}. BpmnAssert's isWaitingForMessages keys the
     * subscriptions by element instance, so behind an event-based gateway it sees only one of them.
     */
    Set<String> awaitedMessages(Onboarding onboarding) {
        var lastIntents = new LinkedHashMap<String, Intent>();
        records(ValueType.PROCESS_MESSAGE_SUBSCRIPTION)
                .filter(record -> OPEN_OR_CLOSED.contains(record.getIntent()))
                .forEach(
                        record -> {
                            var subscription = (ProcessMessageSubscriptionRecordValue) record.getValue();
                            if (subscription.getProcessInstanceKey() == onboarding.instance().getProcessInstanceKey()) {
                                lastIntents.put(
                                        subscription.getElementInstanceKey() + "/" + subscription.getMessageName(), record.getIntent());
                            }
                        });
        return lastIntents.entrySet().stream()
                .filter(entry -> entry.getValue() == ProcessMessageSubscriptionIntent.CREATED)
                .map(entry -> entry.getKey().substring(entry.getKey().indexOf('/') + 1))
                .filter(name -> !ALWAYS_AWAITED.contains(name))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private ActivatedJob awaitJob(String type) {
        var deadline = System.nanoTime() + JOB_WAIT.toNanos();
        // A timer fired by increaseTime is triggered asynchronously, so its next job may need a moment.
        while (pendingJobs(type).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No job of type " + type + " became pending");
            }
            waitForIdle();
        }
        var jobs = activate(type);
        assertThat(jobs).as("pending %s jobs", type).hasSize(1);
        return jobs.getFirst();
    }

    private List<ActivatedJob> activate(String type) {
        return client
                .newActivateJobsCommand()
                .jobType(type)
                .maxJobsToActivate(10)
                .timeout(Duration.ofMinutes(5))
                .requestTimeout(Duration.ofSeconds(1))
                .send()
                .join()
                .getJobs();
    }

    private Stream<Record<?>> records(ValueType valueType) {
        return StreamSupport.stream(RecordStream.of(engine.getRecordStreamSource()).records().spliterator(), false)
                .filter(record -> record.getValueType() == valueType);
    }

    private void waitForIdle() {
        try {
            engine.waitForIdleState(IDLE_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Engine did not become idle", e);
        }
    }

    /** A started onboarding: its id (the correlation key) and its process instance. */
    record Onboarding(String id, ProcessInstanceEvent instance) {}
}
