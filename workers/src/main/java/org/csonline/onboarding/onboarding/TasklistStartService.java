package org.csonline.onboarding.onboarding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.process.OnboardingProcess;
import org.csonline.onboarding.process.ProcessMessage;
import org.csonline.onboarding.support.UserInputException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Onboardings started from Camunda Tasklist's start form. That form asks for nothing personal (what a Tasklist form
 * submits stays in Camunda's storage and in Operate's history), so the process only gets an onboarding id here; the
 * caseworker enters the applicant's details on our staff page, which stores them and tells the process by message.
 * See docs/adr/002-tasklist-start-without-personal-data.md.
 */
@Service
@EnableConfigurationProperties(TasklistStartProperties.class)
public class TasklistStartService {

    private final JdbcClient jdbc;
    private final OnboardingService onboardings;
    private final OnboardingProcess process;
    private final TasklistStartProperties properties;
    private final Clock clock;

    public TasklistStartService(JdbcClient jdbc, OnboardingService onboardings, OnboardingProcess process,
            TasklistStartProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.onboardings = onboardings;
        this.process = process;
        this.properties = properties;
        this.clock = clock;
    }

    /** A Tasklist start waiting for its details. */
    public record TasklistStart(UUID onboardingId, Instant detailsDue, boolean detailsEntered) {
    }

    /** Gives a process started in Tasklist its onboarding id; the same instance asking twice gets the same one. */
    @Transactional
    public TasklistStart register(long processInstanceKey) {
        Optional<TasklistStart> existing = byProcessInstance(processInstanceKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        TasklistStart start = new TasklistStart(UUID.randomUUID(), now.plus(properties.detailsPeriod()), false);
        jdbc.sql("insert into tasklist_start (onboarding_id, process_instance_key, details_due, created_at) "
                        + "values (?, ?, ?, ?)")
                .params(start.onboardingId(), processInstanceKey, Timestamp.from(start.detailsDue()), Timestamp.from(now))
                .update();
        return start;
    }

    public Optional<TasklistStart> find(UUID onboardingId) {
        return jdbc.sql("select onboarding_id, details_due, details_entered_at from tasklist_start where onboarding_id = ?")
                .param(onboardingId)
                .query((rs, n) -> new TasklistStart(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) != null))
                .optional();
    }

    /**
     * The caseworker's details for a Tasklist start: stored like an onboarding started on our page (same checks,
     * same id as the process already has), then the process hears it and sends the setup email.
     */
    @Transactional
    public void enterDetails(UUID onboardingId, NewOnboarding details, String caseworker) {
        TasklistStart start = find(onboardingId)
                .orElseThrow(() -> new UserInputException("applicantEmail", "tasklistStart.unknown"));
        if (start.detailsEntered()) {
            throw new UserInputException("applicantEmail", "tasklistStart.alreadyEntered");
        }
        if (!clock.instant().isBefore(start.detailsDue())) {
            throw new UserInputException("applicantEmail", "tasklistStart.expired");
        }
        long processInstanceKey = jdbc.sql("select process_instance_key from tasklist_start where onboarding_id = ?")
                .param(onboardingId).query(Long.class).single();
        onboardings.registerWithId(onboardingId, details, caseworker, processInstanceKey);
        jdbc.sql("update tasklist_start set details_entered_at = ? where onboarding_id = ?")
                .params(Timestamp.from(clock.instant()), onboardingId).update();
        process.publish(ProcessMessage.APPLICANT_DETAILS_ENTERED, onboardingId, "details",
                onboardings.startVariables());
    }

    /** Tasklist starts still waiting for their details, oldest first: any caseworker may enter them. */
    public List<TasklistStart> waiting() {
        return jdbc.sql("select onboarding_id, details_due from tasklist_start where details_entered_at is null "
                        + "and details_due > ? order by created_at")
                .param(Timestamp.from(clock.instant()))
                .query((rs, n) -> new TasklistStart(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), false))
                .list();
    }

    private Optional<TasklistStart> byProcessInstance(long processInstanceKey) {
        return jdbc.sql("select onboarding_id from tasklist_start where process_instance_key = ?")
                .param(processInstanceKey).query(UUID.class).optional().flatMap(this::find);
    }

    /** What the process needs once the details are in: the dates and durations an onboarding starts with. */
    public Map<String, Object> startVariables() {
        return onboardings.startVariables();
    }
}
