package org.csonline.onboarding.timeline;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.csonline.onboarding.timeline.TimelineEntry.Phase;
import org.springframework.stereotype.Component;

/** End execution listener on every step element. */
@Component
public class TimelineStepEndedWorker {

    private final TimelineService timeline;

    public TimelineStepEndedWorker(TimelineService timeline) {
        this.timeline = timeline;
    }

    @JobWorker(type = "timeline-step-ended", fetchVariables = "onboardingId")
    public void stepEnded(ActivatedJob job, @Variable String onboardingId) {
        timeline.record(UUID.fromString(onboardingId), job.getElementId(), Phase.ENDED, job.getKey());
    }
}
