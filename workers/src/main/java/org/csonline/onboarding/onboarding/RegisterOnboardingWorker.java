package org.csonline.onboarding.onboarding;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Guide step 1 for an onboarding started from the Tasklist start form: stores it as the caseworker page would and
 * takes the form's personal data out of the process.
 */
@Component
public class RegisterOnboardingWorker {

    private final OnboardingService onboardings;

    public RegisterOnboardingWorker(OnboardingService onboardings) {
        this.onboardings = onboardings;
    }

    @JobWorker(type = "register-onboarding")
    public Map<String, Object> registerOnboarding(ActivatedJob job, @Variable(optional = true) String applicantEmail,
            @Variable(optional = true) String recordReference, @Variable(optional = true) String recordName,
            @Variable(optional = true) String caseworker) {
        UUID id = onboardings.register(new NewOnboarding(applicantEmail, recordReference, recordName), caseworker,
                job.getProcessInstanceKey());
        Map<String, Object> variables = new HashMap<>();
        variables.put("onboardingId", id.toString());
        variables.putAll(onboardings.startVariables());
        variables.put("applicantEmail", null);
        variables.put("recordReference", null);
        variables.put("recordName", null);
        variables.put("caseworker", null);
        return variables;
    }
}
