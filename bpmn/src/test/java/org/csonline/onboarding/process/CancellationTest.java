package org.csonline.onboarding.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.csonline.onboarding.process.ProcessDriver.Onboarding;
import org.junit.jupiter.api.Test;

/** Any time: the caseworker cancels (interrupting), or an email bounces (the journey goes on). */
class CancellationTest extends ProcessTestBase {

    private static final Map<String, Object> BY_CASEWORKER = Map.of("cancellationReason", "CANCELLED_BY_CASEWORKER");

    @Test
    void caseworkerCancelsWhileTheSetupCodeWaits() {
        Onboarding onboarding = driver.start();
        driver.completeJob("send-setup-email");

        driver.publish(onboarding, "onboarding-cancelled", BY_CASEWORKER);
        var cancel = driver.completeJob("cancel-onboarding");

        assertThat(cancel.getElementId()).isEqualTo("Task_CancelOnboardingOnRequest");
        assertThat(cancel.getVariablesAsMap()).containsEntry("cancellationReason", "CANCELLED_BY_CASEWORKER");
        assertThat(onboarding.instance())
                .hasNotPassedElement("UserTask_ConfirmSetupCode")
                .hasPassedElementsInOrder("StartEvent_OnboardingCancelledByCaseworker", "Task_CancelOnboardingOnRequest",
                        "EndEvent_OnboardingCancelledByCaseworker", "EndEvent_OnboardingFinished")
                .isCompleted();
        assertThat(driver.createdJobs("notify-caseworker")).isEmpty();
    }

    @Test
    void caseworkerCancelsWhileTheApplicantSignsUp() {
        Onboarding onboarding = driver.start();
        driver.inviteApplicant(onboarding);
        driver.publish(onboarding, "email-code-requested", Map.of("emailCodeRequestId", 71));
        driver.completeJob("send-email-code");

        driver.publish(onboarding, "onboarding-cancelled", BY_CASEWORKER);
        driver.completeJob("cancel-onboarding");

        assertThat(onboarding.instance())
                .hasNotPassedElement("SubProcess_ApplicantSignUp")
                .hasNotPassedElement("Task_CancelOnboarding")
                .hasPassedElement("EndEvent_OnboardingCancelledByCaseworker")
                .isCompleted();
    }

    @Test
    void bouncedEmailTellsTheCaseworkerAndTheJourneyGoesOn() {
        Onboarding onboarding = driver.start();
        driver.completeJob("send-setup-email");

        driver.publish(onboarding, "email-undeliverable", Map.of("undeliverableEmailKind", "SETUP"));
        var notice = driver.completeJob("notify-caseworker");

        assertThat(notice.getVariablesAsMap())
                .containsEntry("caseworkerNotice", "EMAIL_UNDELIVERABLE")
                .containsEntry("undeliverableEmailKind", "SETUP");
        assertThat(onboarding.instance())
                .hasPassedElementsInOrder("StartEvent_EmailUndeliverable", "Task_NotifyCaseworkerOfUndeliverableEmail",
                        "EndEvent_CaseworkerToldOfUndeliverableEmail")
                .isWaitingExactlyAtElements("UserTask_ConfirmSetupCode", "SubProcess_Onboarding");
    }
}
