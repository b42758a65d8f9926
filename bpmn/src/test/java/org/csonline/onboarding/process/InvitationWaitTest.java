package org.csonline.onboarding.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.csonline.onboarding.process.ProcessDriver.Onboarding;
import org.junit.jupiter.api.Test;

/** Guide steps 3-14 waits: the invitation's reminder and expiry, and abandoned code rounds. */
class InvitationWaitTest extends ProcessTestBase {

    @Test
    void applicantIsRemindedOnceAndCanStillSignUp() {
        Onboarding onboarding = driver.start();
        driver.inviteApplicant(onboarding);

        driver.increaseTime(ProcessDriver.INVITATION_REMINDER_DELAY);
        driver.completeJob("send-invitation-reminder");

        assertThat(onboarding.instance())
                .hasPassedElementsInOrder("Boundary_InvitationReminder", "Task_SendInvitationReminder",
                        "EndEvent_InvitationReminderSent")
                .isWaitingExactlyAtElements("Gateway_AccountChoice", "SubProcess_Onboarding", "SubProcess_ApplicantSignUp");
        assertThat(driver.awaitedMessages(onboarding))
                .containsExactlyInAnyOrder("existing-account-signed-in", "email-code-requested");

        driver.increaseTime(ProcessDriver.INVITATION_REMINDER_DELAY);
        assertThat(driver.createdJobs("send-invitation-reminder")).hasSize(1);
    }

    @Test
    void unusedInvitationExpiresAndTheCaseworkerIsTold() {
        Onboarding onboarding = driver.start();
        driver.inviteApplicant(onboarding);
        driver.increaseTime(ProcessDriver.INVITATION_REMINDER_DELAY);
        driver.completeJob("send-invitation-reminder");

        driver.increaseTime(ProcessDriver.INVITATION_VALIDITY.minus(ProcessDriver.INVITATION_REMINDER_DELAY));
        var cancel = driver.completeJob("cancel-onboarding");
        var notice = driver.completeJob("notify-caseworker");

        assertThat(cancel.getVariablesAsMap()).containsEntry("cancellationReason", "INVITATION_EXPIRED");
        assertThat(notice.getVariablesAsMap()).containsEntry("caseworkerNotice", "INVITATION_EXPIRED");
        assertThat(onboarding.instance())
                .hasPassedElementsInOrder("Boundary_InvitationExpired", "Task_CancelOnboarding",
                        "Task_NotifyCaseworkerOfCancellation", "EndEvent_OnboardingCancelled")
                .isCompleted();
    }

    @Test
    void emailCodeRoundAbandonedAfterSilenceCancelsTheOnboarding() {
        Onboarding onboarding = driver.start();
        driver.inviteApplicant(onboarding);
        driver.publish(onboarding, "email-code-requested", Map.of("emailCodeRequestId", 41));
        driver.completeJob("send-email-code");

        driver.increaseTime(ProcessDriver.CODE_ROUND_ABANDONMENT_DELAY.minus(Duration.ofMinutes(1)));
        // "Send new code", or a new address after "change email", starts the wait again.
        driver.publish(onboarding, "email-code-requested", Map.of("emailCodeRequestId", 42));
        driver.completeJob("send-email-code");
        driver.increaseTime(Duration.ofMinutes(2));
        assertThat(driver.createdJobs("cancel-onboarding")).isEmpty();

        driver.increaseTime(ProcessDriver.CODE_ROUND_ABANDONMENT_DELAY);
        var cancel = driver.completeJob("cancel-onboarding");
        driver.completeJob("notify-caseworker");

        assertThat(cancel.getVariablesAsMap()).containsEntry("cancellationReason", "SIGN_UP_ABANDONED");
        assertThat(onboarding.instance())
                .hasPassedElementsInOrder("Timer_EmailCodeAbandoned", "Boundary_SignUpAbandoned", "Task_CancelOnboarding", "EndEvent_OnboardingCancelled")
                .isCompleted();
    }

    @Test
    void phoneCodeRoundAbandonedAfterSilenceCancelsTheOnboarding() {
        Onboarding onboarding = driver.start();
        driver.inviteApplicant(onboarding);
        driver.publish(onboarding, "email-code-requested", Map.of("emailCodeRequestId", 51));
        driver.completeJob("send-email-code");
        driver.publish(onboarding, "email-verified");
        driver.publish(onboarding, "account-details-submitted");
        driver.completeJob("create-account", Map.of("accountId", "5b0c2a44-8c7e-4f1e-9a5d-2f6f1e0c3b11"));
        driver.publish(onboarding, "phone-code-requested", Map.of("phoneCodeRequestId", 61));
        driver.completeJob("send-phone-code");
        // Switching between text and call, or changing the number, is a new request in the same loop.
        driver.publish(onboarding, "phone-code-requested", Map.of("phoneCodeRequestId", 62));
        driver.completeJob("send-phone-code");

        driver.increaseTime(ProcessDriver.CODE_ROUND_ABANDONMENT_DELAY);
        var cancel = driver.completeJob("cancel-onboarding");
        driver.completeJob("notify-caseworker");

        assertThat(cancel.getVariablesAsMap()).containsEntry("cancellationReason", "SIGN_UP_ABANDONED");
        assertThat(onboarding.instance())
                .hasPassedElementsInOrder("Timer_PhoneCodeAbandoned", "Boundary_SignUpAbandoned", "Task_CancelOnboarding", "EndEvent_OnboardingCancelled")
                .hasPassedElement("Task_SendPhoneCode", 2)
                .isCompleted();
    }
}
