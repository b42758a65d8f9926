package org.csonline.onboarding.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.api.response.Form;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Guide step 1 from Tasklist: the start form's fields are stored and leave the process before anything else. */
class TasklistStartTest extends ProcessTestBase {

    @Test
    void startFormDeploysWithTheModel() {
        assertThat(deployment.getForm()).extracting(Form::getFormId)
                .containsExactlyInAnyOrder("confirm-setup-code", "review-access", "start-onboarding");
    }

    @Test
    void onboardingStartedInTasklistIsRegisteredThenSendsTheSetupEmail() {
        var instance = driver.startFromTasklist(Map.of("applicantEmail", "sam.parent@example.org",
                "recordReference", "CR-1001", "recordName", "Riley", "caseworker", "caseworker"));
        var onboardingId = UUID.randomUUID().toString();

        var register = driver.completeJob("register-onboarding", registered(onboardingId));
        var setupEmail = driver.completeJob("send-setup-email");

        assertThat(register.getVariablesAsMap()).containsEntry("applicantEmail", "sam.parent@example.org");
        assertThat(setupEmail.getVariablesAsMap()).containsEntry("onboardingId", onboardingId)
                .containsEntry("applicantEmail", null);
        assertThat(instance)
                .hasPassedElementsInOrder("Gateway_RegisteredOnOurPages", "Task_RegisterOnboarding", "Gateway_JoinRegistered",
                        "Task_SendSetupEmail")
                .isWaitingExactlyAtElements("UserTask_ConfirmSetupCode", "SubProcess_Onboarding");
    }

    @Test
    void onboardingStartedOnOurPagesSkipsRegistration() {
        var onboarding = driver.start();

        assertThat(onboarding.instance()).hasNotPassedElement("Task_RegisterOnboarding");
        assertThat(driver.createdJobs("send-setup-email")).hasSize(1);
    }

    private Map<String, Object> registered(String onboardingId) {
        var variables = new HashMap<>(driver.startVariables());
        variables.put("onboardingId", onboardingId);
        for (var field : new String[] {"applicantEmail", "recordReference", "recordName", "caseworker"}) {
            variables.put(field, null);
        }
        return variables;
    }
}
