package org.csonline.onboarding.onboarding;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.csonline.onboarding.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * A caseworker completed the "Enter the applicant's details" task in Tasklist: the details are entered on our staff
 * page only, so look whether they are; if not, the model gives the task back.
 */
@Component
public class CheckApplicantDetailsWorker {

    private final TasklistStartService tasklistStarts;

    public CheckApplicantDetailsWorker(TasklistStartService tasklistStarts) {
        this.tasklistStarts = tasklistStarts;
    }

    @JobWorker(type = "check-applicant-details")
    public Map<String, Object> checkApplicantDetails(@Variable String onboardingId) {
        boolean entered = tasklistStarts.find(UUID.fromString(onboardingId))
                .map(TasklistStartService.TasklistStart::detailsEntered).orElse(false);
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.APPLICANT_DETAILS_ENTERED, entered);
        if (entered) {
            variables.putAll(tasklistStarts.startVariables());
        }
        return variables;
    }
}
