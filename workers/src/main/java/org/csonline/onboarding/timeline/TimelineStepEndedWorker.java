package org.csonline.onboarding.timeline;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.csonline.onboarding.timeline.TimelineEntry.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** End execution listener on every step element. */
@Component
public class TimelineStepEndedWorker {

    private static final Logger log = LoggerFactory.getLogger(TimelineStepEndedWorker.class);

    private final TimelineService timeline;

    public TimelineStepEndedWorker(TimelineService timeline) {
        this.timeline = timeline;
    }

    @JobWorker(type = "timeline-step-ended", fetchVariables = "onboardingId")
    public void stepEnded(ActivatedJob job, @Variable(optional = true) String onboardingId) {
        if (onboardingId == null) {
            // A listener job blocks its element until completed: never fail it for good over a missing step record.
            log.warn("Timeline: {} of {} in instance {} has no onboardingId; not recorded", job.getType(),
                    job.getElementId(), job.getProcessInstanceKey());
            return;
        }
        timeline.record(UUID.fromString(onboardingId), job.getElementId(), Phase.ENDED, job.getKey());
    }
}
