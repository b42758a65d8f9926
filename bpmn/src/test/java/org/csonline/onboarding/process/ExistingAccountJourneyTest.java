package org.csonline.onboarding.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.csonline.onboarding.process.ProcessDriver.Onboarding;
import org.junit.jupiter.api.Test;

/** Guide step 4: an applicant who already has a council account signs in and goes straight to step 13. */
class ExistingAccountJourneyTest extends ProcessTestBase {

    private static final String ACCOUNT_ID = "9a7e2c44-0b3d-4e8a-8f61-5d2c7b1e3a90";

    @Test
    void applicantWithACouncilAccountSkipsSignUpAndIsActivated() {
        Onboarding onboarding = driver.start();
        driver.completeJob("send-setup-email");
        driver.publish(onboarding, "setup-code-checked", Map.of("setupCodeOutcome", "CONFIRMED"));
        driver.planInvitationRelease();
        driver.increaseTime(ProcessDriver.INVITATION_RELEASE_DELAY);
        driver.completeJob("send-invitation-email");

        driver.publish(onboarding, "existing-account-signed-in", Map.of("accountId", ACCOUNT_ID));
        driver.publish(onboarding, "record-confirmation-submitted", ProcessDriver.recordConfirmation());
        driver.publish(onboarding, "access-review-decided", Map.of("accessApproved", true));
        var grant = driver.completeJob("grant-record-access");
        driver.completeJob("activate-account");
        driver.completeJob("send-activation-email");

        assertThat(onboarding.instance())
                .hasPassedElementsInOrder(
                        "Task_SendInvitationEmail",
                        "Event_ExistingAccountSignedIn",
                        "Gateway_JoinRecordConfirmation",
                        "Event_RecordConfirmationSubmitted",
                        "Boundary_AccessReviewDecided",
                        "Task_GrantRecordAccess",
                        "Task_ActivateAccount",
                        "Task_SendActivationEmail",
                        "EndEvent_AccountActivated")
                .hasNotPassedElement("Event_EmailCodeRequested")
                .hasNotPassedElement("Task_CreateAccount")
                .hasNotPassedElement("Task_SendPhoneCode")
                .hasVariableWithValue("accountId", ACCOUNT_ID)
                .hasNoIncidents()
                .isCompleted();
        assertThat(grant.getVariablesAsMap()).containsEntry("accountId", ACCOUNT_ID);
    }

    @Test
    void signingUpClosesTheSignInRoute() {
        Onboarding onboarding = driver.start();
        driver.completeJob("send-setup-email");
        driver.publish(onboarding, "setup-code-checked", Map.of("setupCodeOutcome", "CONFIRMED"));
        driver.planInvitationRelease();
        driver.increaseTime(ProcessDriver.INVITATION_RELEASE_DELAY);
        driver.completeJob("send-invitation-email");

        driver.publish(onboarding, "email-code-requested", Map.of("emailCodeRequestId", 31));

        assertThat(onboarding.instance()).isWaitingExactlyAtElements("Task_SendEmailCode", "SubProcess_Onboarding", "SubProcess_ApplicantSignUp");
        assertThat(driver.awaitedMessages(onboarding)).isEmpty();
    }
}
