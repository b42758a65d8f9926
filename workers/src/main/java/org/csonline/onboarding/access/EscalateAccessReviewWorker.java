package org.csonline.onboarding.access;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.UUID;
import org.csonline.onboarding.notice.StaffNoticeKind;
import org.csonline.onboarding.notice.StaffNoticeService;
import org.csonline.onboarding.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** Guide step 15: the review is overdue; the managers are told and the review is marked escalated. */
@Component
public class EscalateAccessReviewWorker {

    private final StaffNoticeService notices;

    public EscalateAccessReviewWorker(StaffNoticeService notices) {
        this.notices = notices;
    }

    @JobWorker(type = "escalate-access-review")
    public Map<String, Object> escalateAccessReview(ActivatedJob job, @Variable String onboardingId) {
        notices.tellManagers(UUID.fromString(onboardingId), StaffNoticeKind.ACCESS_REVIEW_OVERDUE, job.getKey());
        return Map.of(ProcessVariables.ACCESS_REVIEW_ESCALATED, true);
    }
}
