package org.csonline.onboarding.invitation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Guide step 2 through Tasklist: checks the code typed into the form, then wipes it from the process. */
@Component
public class CheckSetupCodeWorker {

    private final SetupCodeService setupCodes;

    public CheckSetupCodeWorker(SetupCodeService setupCodes) {
        this.setupCodes = setupCodes;
    }

    @JobWorker(type = "check-setup-code")
    public Map<String, Object> checkSetupCode(@Variable String onboardingId, @Variable String setupCodeAttempt) {
        SetupCodeCheck check = setupCodes.check(UUID.fromString(onboardingId), setupCodeAttempt);
        SetupCodeOutcome outcome = check.outcome() == SetupCodeOutcome.NOT_READY ? SetupCodeOutcome.WRONG : check.outcome();
        Map<String, Object> result = new HashMap<>();
        result.put("setupCodeOutcome", outcome.name());
        result.put("setupCodeAttempt", null);
        return result;
    }
}
