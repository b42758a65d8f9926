package org.csonline.onboarding.timeline;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.csonline.onboarding.process.ProcessInstanceGuard;
import org.csonline.onboarding.timeline.TimelineEntry.Phase;
import org.springframework.stereotype.Component;

/**
 * Start execution listener on every step element; the phase is in the job type. As the first job of every instance,
 * it also stops a second instance of an onboarding (a start sent twice) before its first step.
 */
@Component
public class TimelineStepStartedWorker {

    private final TimelineService timeline;
    private final ProcessInstanceGuard guard;

    public TimelineStepStartedWorker(TimelineService timeline, ProcessInstanceGuard guard) {
        this.timeline = timeline;
        this.guard = guard;
    }

    @JobWorker(type = "timeline-step-started", fetchVariables = "onboardingId")
    public void stepStarted(ActivatedJob job, @Variable String onboardingId) {
        UUID onboarding = UUID.fromString(onboardingId);
        if (guard.isOnboardingsInstance(onboarding, job.getProcessInstanceKey())) {
            timeline.record(onboarding, job.getElementId(), Phase.STARTED, job.getKey());
        }
    }
}
