package org.csonline.onboarding.timeline;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.csonline.onboarding.timeline.TimelineEntry.Phase;
import org.springframework.stereotype.Component;

/** Start execution listener on every step element; the phase is in the job type (DESIGN.md section 2). */
@Component
public class TimelineStepStartedWorker {

    private final TimelineService timeline;

    public TimelineStepStartedWorker(TimelineService timeline) {
        this.timeline = timeline;
    }

    @JobWorker(type = "timeline-step-started", fetchVariables = "onboardingId")
    public void stepStarted(ActivatedJob job, @Variable String onboardingId) {
        timeline.record(UUID.fromString(onboardingId), job.getElementId(), Phase.STARTED, job.getKey());
    }
}
