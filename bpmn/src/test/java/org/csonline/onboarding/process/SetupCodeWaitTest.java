package org.csonline.onboarding.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.csonline.onboarding.process.ProcessDriver.Onboarding;
import org.junit.jupiter.api.Test;

/** Guide step 2 waits: the caseworker is reminded, and an unconfirmed setup code expires. */
class SetupCodeWaitTest extends ProcessTestBase {

    @Test
    void caseworkerIsRemindedAndTheTaskStaysOpen() {
        Onboarding onboarding = driver.start();
        driver.completeJob("send-setup-email");

        driver.increaseTime(ProcessDriver.SETUP_CODE_REMINDER.minus(Duration.ofMinutes(1)));
        assertThat(driver.createdJobs("notify-caseworker")).isEmpty();

        driver.increaseTime(Duration.ofMinutes(1));
        var reminder = driver.completeJob("notify-caseworker");

        assertThat(reminder.getVariablesAsMap()).containsEntry("caseworkerNotice", "SETUP_CODE_REMINDER");
        assertThat(onboarding.instance())
                .hasPassedElementsInOrder("Boundary_SetupCodeReminder", "Task_RemindCaseworkerOfSetupCode",
                        "EndEvent_SetupCodeReminderSent")
                .isWaitingExactlyAtElements("UserTask_ConfirmSetupCode", "SubProcess_Onboarding");
        assertThat(driver.createdUserTasks("UserTask_ConfirmSetupCode")).hasSize(1);

        driver.publish(onboarding, "setup-code-checked", Map.of("setupCodeOutcome", "CONFIRMED"));

        assertThat(onboarding.instance()).isWaitingExactlyAtElements("Task_PlanInvitationRelease", "SubProcess_Onboarding");
    }

    @Test
    void unconfirmedSetupCodeExpiresAndTheCaseworkerIsTold() {
        var expiry = Duration.ofDays(28);
        Onboarding onboarding = driver.start(Map.of(
                "setupCodeConfirmationDue", driver.now().plus(expiry).toString(),
                "setupCodeReminderAt", driver.now().plus(expiry.plusDays(1)).toString()));
        driver.completeJob("send-setup-email");

        driver.increaseTime(expiry);
        var cancel = driver.completeJob("cancel-onboarding");
        var notice = driver.completeJob("notify-caseworker");

        assertThat(cancel.getVariablesAsMap()).containsEntry("cancellationReason", "SETUP_CODE_EXPIRED");
        assertThat(notice.getVariablesAsMap()).containsEntry("caseworkerNotice", "SETUP_CODE_EXPIRED");
        assertThat(onboarding.instance())
                .hasPassedElementsInOrder("Boundary_SetupCodeExpired", "Task_CancelOnboarding",
                        "Task_NotifyCaseworkerOfCancellation", "EndEvent_OnboardingCancelled", "EndEvent_OnboardingFinished")
                .hasNotPassedElement("Task_PlanInvitationRelease")
                .isCompleted();
    }
}
