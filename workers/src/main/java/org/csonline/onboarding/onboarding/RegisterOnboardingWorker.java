package org.csonline.onboarding.onboarding;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.csonline.onboarding.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Guide step 1 for an onboarding started from Tasklist's start form: gives it its onboarding id. The applicant's
 * details are entered on our staff page afterwards, so no personal data ever enters the process.
 */
@Component
public class RegisterOnboardingWorker {

    private final TasklistStartService tasklistStarts;
    private final OnboardingService onboardings;

    public RegisterOnboardingWorker(TasklistStartService tasklistStarts, OnboardingService onboardings) {
        this.tasklistStarts = tasklistStarts;
        this.onboardings = onboardings;
    }

    @JobWorker(type = "register-onboarding")
    public Map<String, Object> registerOnboarding(ActivatedJob job, @Variable(optional = true) String applicantEmail,
            @Variable(optional = true) String recordReference, @Variable(optional = true) String recordName,
            @Variable(optional = true) String caseworker) {
        if (applicantEmail != null) {
            return registerVersion2(job, applicantEmail, recordReference, recordName, caseworker);
        }
        TasklistStartService.TasklistStart start = tasklistStarts.register(job.getProcessInstanceKey());
        return Map.of(ProcessVariables.ONBOARDING_ID, start.onboardingId().toString(),
                ProcessVariables.APPLICANT_DETAILS_DUE, start.detailsDue().toString());
    }

    /**
     * Version 2 of the model asked for the details in the start form itself; its instances go straight on to the
     * setup email (docs/adr/001-process-versioning.md). Remove when Operate shows none left.
     */
    private Map<String, Object> registerVersion2(ActivatedJob job, String applicantEmail, String recordReference,
            String recordName, String caseworker) {
        UUID id = onboardings.register(new NewOnboarding(applicantEmail, recordReference, recordName), caseworker,
                job.getProcessInstanceKey());
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.ONBOARDING_ID, id.toString());
        variables.putAll(onboardings.startVariables());
        variables.put(ProcessVariables.APPLICANT_EMAIL, null);
        variables.put(ProcessVariables.RECORD_REFERENCE, null);
        variables.put(ProcessVariables.RECORD_NAME, null);
        variables.put(ProcessVariables.CASEWORKER, null);
        return variables;
    }
}
