package org.csonline.onboarding.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.api.response.Form;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.csonline.onboarding.process.ProcessDriver.Onboarding;
import org.junit.jupiter.api.Test;

/** Guide step 2: the caseworker confirms the setup code, in Tasklist or on our caseworker page. */
class SetupCodeConfirmationTest extends ProcessTestBase {

    @Test
    void caseworkersGetATasklistTaskWithTheFormAndDueDate() {
        Onboarding onboarding = driver.start();
        driver.completeJob("send-setup-email");

        assertThat(onboarding.instance())
                .isWaitingExactlyAtElements("UserTask_ConfirmSetupCode", "SubProcess_Onboarding");
        assertThat(driver.awaitedMessages(onboarding)).containsExactly("setup-code-checked");
        var tasks = driver.createdUserTasks("UserTask_ConfirmSetupCode");
        assertThat(tasks).hasSize(1);
        var task = tasks.getFirst();
        assertThat(task.getCandidateGroupsList()).containsExactly("caseworkers");
        assertThat(task.getFormKey()).isEqualTo(formKey("confirm-setup-code"));
        assertThat(OffsetDateTime.parse(task.getDueDate()).toInstant())
                .isEqualTo(Instant.parse(ProcessDriver.SETUP_CODE_CONFIRMATION_DUE));
    }

    @Test
    void wrongCodeFromTheCaseworkerPageReopensTheTask() {
        Onboarding onboarding = driver.start();
        driver.completeJob("send-setup-email");

        driver.publish(onboarding, "setup-code-checked", Map.of("setupCodeOutcome", "WRONG"));

        assertThat(onboarding.instance())
                .hasPassedElement("Boundary_SetupCodeChecked")
                .isWaitingExactlyAtElements("UserTask_ConfirmSetupCode", "SubProcess_Onboarding");
        assertThat(driver.awaitedMessages(onboarding)).containsExactly("setup-code-checked");
        assertThat(driver.createdUserTasks("UserTask_ConfirmSetupCode")).hasSize(2);

        // The first message is still buffered (time to live), but a message correlates to an instance only once.
        driver.publish(onboarding, "setup-code-checked", Map.of("setupCodeOutcome", "CONFIRMED"));
        driver.planInvitationRelease();

        assertThat(onboarding.instance())
                .hasPassedElement("Boundary_SetupCodeChecked", 2)
                .isWaitingExactlyAtElements("Timer_InvitationRelease", "SubProcess_Onboarding");
    }

    @Test
    void thirdWrongCodeCancelsTheOnboarding() {
        Onboarding onboarding = driver.start();
        driver.completeJob("send-setup-email");

        driver.publish(onboarding, "setup-code-checked", Map.of("setupCodeOutcome", "LOCKED"));
        var cancel = driver.completeJob("cancel-onboarding");
        var notice = driver.completeJob("notify-caseworker");

        assertThat(cancel.getVariablesAsMap())
                .containsEntry("cancellationReason", "SETUP_CODE_LOCKED")
                .containsEntry("onboardingId", onboarding.id());
        assertThat(notice.getVariablesAsMap()).containsEntry("caseworkerNotice", "SETUP_CODE_LOCKED");
        assertThat(onboarding.instance())
                .hasPassedElementsInOrder("Boundary_SetupCodeChecked", "Task_CancelOnboarding",
                        "Task_NotifyCaseworkerOfCancellation", "EndEvent_OnboardingCancelled")
                .hasNotPassedElement("Timer_InvitationRelease")
                .isCompleted();
    }

    @Test
    void taskCompletedInTasklistBeforeTheCodeIsConfirmedComesBack() {
        // Tasklist completes the user task through the REST API the embedded engine lacks; the instance then
        // continues at Task_CheckSetupCode, which is where this test starts it. The form asks for no code.
        Onboarding onboarding = startAfterTasklistCompletion();

        var check = driver.completeJob("check-setup-code", Map.of("setupCodeOutcome", "NOT_CONFIRMED"));

        assertThat(check.getVariablesAsMap()).doesNotContainKey("setupCodeAttempt");
        assertThat(onboarding.instance())
                .isWaitingExactlyAtElements("UserTask_ConfirmSetupCode", "SubProcess_Onboarding");
        assertThat(driver.createdUserTasks("UserTask_ConfirmSetupCode")).hasSize(1);
    }

    @Test
    void taskCompletedInTasklistAfterTheCodeIsConfirmedReleasesTheInvitation() {
        Onboarding onboarding = startAfterTasklistCompletion();

        driver.completeJob("check-setup-code", Map.of("setupCodeOutcome", "CONFIRMED"));

        assertThat(onboarding.instance()).isWaitingExactlyAtElements("Task_PlanInvitationRelease", "SubProcess_Onboarding");
    }

    @Test
    void taskCompletedInTasklistAfterTheCodeLockedCancelsTheOnboarding() {
        Onboarding onboarding = startAfterTasklistCompletion();

        driver.completeJob("check-setup-code", Map.of("setupCodeOutcome", "LOCKED"));
        driver.completeJob("cancel-onboarding");
        driver.completeJob("notify-caseworker");

        assertThat(onboarding.instance()).hasPassedElement("EndEvent_OnboardingCancelled").isCompleted();
    }

    private Onboarding startAfterTasklistCompletion() {
        return driver.startBefore("Task_CheckSetupCode", Map.of());
    }

    private long formKey(String formId) {
        return deployment.getForm().stream()
                .filter(form -> form.getFormId().equals(formId))
                .mapToLong(Form::getFormKey)
                .findFirst()
                .orElseThrow();
    }
}
