package org.csonline.onboarding.timeline;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.csonline.onboarding.process.ProcessInstanceGuard;
import org.csonline.onboarding.timeline.TimelineEntry.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Start execution listener on every step element; the phase is in the job type (bpmn/README.md, job types). As the
 * first job of every instance, it also stops a second instance of an onboarding (a start sent twice) before its first
 * step.
 */
@Component
public class TimelineStepStartedWorker {

    private static final Logger log = LoggerFactory.getLogger(TimelineStepStartedWorker.class);

    private final TimelineService timeline;
    private final ProcessInstanceGuard guard;

    public TimelineStepStartedWorker(TimelineService timeline, ProcessInstanceGuard guard) {
        this.timeline = timeline;
        this.guard = guard;
    }

    @JobWorker(type = "timeline-step-started", fetchVariables = "onboardingId")
    public void stepStarted(ActivatedJob job, @Variable(optional = true) String onboardingId) {
        if (onboardingId == null) {
            // A listener job blocks its element until completed: never fail it for good over a missing step record.
            log.warn("Timeline: {} of {} in instance {} has no onboardingId; not recorded", job.getType(),
                    job.getElementId(), job.getProcessInstanceKey());
            return;
        }
        UUID onboarding = UUID.fromString(onboardingId);
        if (guard.isOnboardingsInstance(onboarding, job.getProcessInstanceKey())) {
            timeline.record(onboarding, job.getElementId(), Phase.STARTED, job.getKey());
        }
    }
}
