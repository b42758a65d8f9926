package org.csonline.onboarding.invitation;

import io.camunda.client.annotation.JobWorker;
import java.time.Clock;
import java.util.Map;
import org.csonline.onboarding.calendar.WorkingDays;
import org.csonline.onboarding.process.ProcessProperties;
import org.csonline.onboarding.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** Guide step 3: the invitation goes {@code cso.process.invitation-release-delay} working days after confirmation. */
@Component
public class PlanInvitationReleaseWorker {

    private final WorkingDays workingDays;
    private final ProcessProperties timing;
    private final Clock clock;

    public PlanInvitationReleaseWorker(WorkingDays workingDays, ProcessProperties timing, Clock clock) {
        this.workingDays = workingDays;
        this.timing = timing;
        this.clock = clock;
    }

    @JobWorker(type = "plan-invitation-release")
    public Map<String, Object> planInvitationRelease() {
        return Map.of(ProcessVariables.INVITATION_RELEASE_AT,
                workingDays.plus(clock.instant(), timing.invitationReleaseDelay()).toString());
    }
}
