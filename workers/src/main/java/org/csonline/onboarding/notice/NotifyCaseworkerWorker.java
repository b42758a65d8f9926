package org.csonline.onboarding.notice;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Tells the caseworker something the process decided: a reminder, why an onboarding ended, a bounced email. */
@Component
public class NotifyCaseworkerWorker {

    private final StaffNoticeService notices;

    public NotifyCaseworkerWorker(StaffNoticeService notices) {
        this.notices = notices;
    }

    @JobWorker(type = "notify-caseworker")
    public void notifyCaseworker(ActivatedJob job, @Variable String onboardingId,
            @Variable StaffNoticeKind caseworkerNotice, @Variable(optional = true) String undeliverableEmailKind) {
        notices.tellCaseworker(UUID.fromString(onboardingId), caseworkerNotice, undeliverableEmailKind, job.getKey());
    }
}
