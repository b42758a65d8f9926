package org.csonline.onboarding.timeline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.timeline.TimelineEntry.Phase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The journey as it happened, from the model's execution listeners; pages read this, never the engine. */
@Service
public class TimelineService {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final StepsReached stepsReached;
    private final ApplicationEventPublisher events;

    /** Keeps the dashboard's steps reached, and tells listeners (the operators' metrics) of each step recorded. */
    @Autowired
    public TimelineService(JdbcClient jdbc, Clock clock, StepsReached stepsReached, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.stepsReached = stepsReached;
        this.events = events;
    }

    public TimelineService(JdbcClient jdbc, Clock clock) {
        this(jdbc, clock, new StepsReached(jdbc), event -> { });
    }

    /**
     * Records once per listener job: a job run twice records nothing new. Job keys repeat across engines (an engine
     * started afresh counts from the start again), so a job is known by its onboarding and its key.
     */
    public void record(UUID onboardingId, String elementId, Phase phase, long jobKey) {
        Instant now = clock.instant();
        int recorded = jdbc.sql("insert into timeline_event (onboarding_id, element_id, phase, job_key, occurred_at) "
                        + "select ?, ?, ?, ?, ? where not exists "
                        + "(select 1 from timeline_event where onboarding_id = ? and job_key = ?)")
                .params(onboardingId, elementId, phase.name(), jobKey, Timestamp.from(now), onboardingId, jobKey)
                .update();
        if (recorded == 1) {
            stepsReached.record(onboardingId, elementId, now);
            events.publishEvent(new StepRecorded(onboardingId, elementId, phase, now));
        }
    }

    /** The start of a step element of an onboarding, if it was recorded. */
    public Optional<Instant> started(UUID onboardingId, String elementId) {
        return jdbc.sql("select occurred_at from timeline_event where onboarding_id = ? and element_id = ? "
                        + "and phase = 'STARTED' order by id")
                .params(onboardingId, elementId)
                .query(Timestamp.class).list().stream().findFirst().map(Timestamp::toInstant);
    }

    /** A start or end of a step, just recorded for the first time. */
    public record StepRecorded(UUID onboardingId, String elementId, Phase phase, Instant at) {
    }

    /** Oldest first. */
    public List<TimelineEntry> timeline(UUID onboardingId) {
        return withPhoneRounds(jdbc.sql(
                        "select element_id, phase, occurred_at from timeline_event where onboarding_id = ? order by id")
                .param(onboardingId)
                .query((rs, n) -> new TimelineEntry(rs.getString(1), JourneyStep.ofElement(rs.getString(1)),
                        Phase.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant()))
                .list());
    }

    /**
     * Numbers the phone code rounds: a round ends when its code is verified, so every phone-round entry after the
     * first "Phone code verified" belongs to round 2 (guide step 12). A verified event's start and end are one.
     */
    static List<TimelineEntry> withPhoneRounds(List<TimelineEntry> entries) {
        List<TimelineEntry> numbered = new java.util.ArrayList<>(entries.size());
        int verified = 0;
        boolean verifiedOpen = false;
        for (TimelineEntry entry : entries) {
            int round = verified + 1;
            if (entry.step().filter(step -> step == JourneyStep.PHONE_CODE_VERIFIED).isPresent()) {
                if (entry.phase() == Phase.STARTED || !verifiedOpen) {
                    verified++;
                }
                verifiedOpen = entry.phase() == Phase.STARTED;
                round = verified;
            }
            numbered.add(new TimelineEntry(entry.elementId(), entry.step(), entry.phase(), entry.at(), round));
        }
        return numbered;
    }

    /** The newest recorded event of the journey itself (reminders and notices run beside it and are skipped). */
    public Optional<TimelineEntry> latest(UUID onboardingId) {
        List<TimelineEntry> entries = timeline(onboardingId).stream()
                .filter(entry -> entry.step().map(step -> !step.isSideStep()).orElse(true))
                .toList();
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.getLast());
    }
}
