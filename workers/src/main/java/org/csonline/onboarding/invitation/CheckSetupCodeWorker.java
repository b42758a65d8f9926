package org.csonline.onboarding.invitation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.csonline.onboarding.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Guide step 2 after a caseworker completed the Tasklist task: the code is confirmed on our staff page only (a code
 * typed into a Tasklist form would stay in Camunda's storage), so report where the confirmation stands; the model
 * gives the task back while it is not confirmed.
 */
@Component
public class CheckSetupCodeWorker {

    private final SetupCodeService setupCodes;

    public CheckSetupCodeWorker(SetupCodeService setupCodes) {
        this.setupCodes = setupCodes;
    }

    /**
     * @param setupCodeAttempt only from version 2 of the model, whose form asked for the code: such an instance is
     *                         answered as version 2 expects (its gateway knows no NOT_CONFIRMED), and the code is
     *                         cleared (docs/adr/001-process-versioning.md). Remove when Operate shows none left.
     */
    @JobWorker(type = "check-setup-code")
    public Map<String, Object> checkSetupCode(@Variable String onboardingId,
            @Variable(optional = true) String setupCodeAttempt) {
        UUID id = UUID.fromString(onboardingId);
        Map<String, Object> result = new HashMap<>();
        if (setupCodeAttempt == null) {
            result.put(ProcessVariables.SETUP_CODE_OUTCOME, setupCodes.status(id).name());
            return result;
        }
        SetupCodeOutcome outcome = setupCodes.check(id, setupCodeAttempt).outcome();
        result.put(ProcessVariables.SETUP_CODE_OUTCOME,
                outcome == SetupCodeOutcome.NOT_READY ? SetupCodeOutcome.WRONG.name() : outcome.name());
        result.put(ProcessVariables.SETUP_CODE_ATTEMPT, null);
        return result;
    }
}
