package org.csonline.onboarding.signup;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import java.util.UUID;
import org.csonline.onboarding.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** Guide step 10. */
@Component
public class CreateAccountWorker {

    private final SignupService signups;

    public CreateAccountWorker(SignupService signups) {
        this.signups = signups;
    }

    @JobWorker(type = "create-account")
    public Map<String, Object> createAccount(@Variable String onboardingId) {
        return Map.of(ProcessVariables.ACCOUNT_ID, signups.createAccount(UUID.fromString(onboardingId)).toString());
    }
}
