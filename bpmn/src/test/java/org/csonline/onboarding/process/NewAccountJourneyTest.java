package org.csonline.onboarding.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.util.List;
import java.util.Map;
import org.csonline.onboarding.process.ProcessDriver.Onboarding;
import org.junit.jupiter.api.Test;

/** Guide steps 1-15 for an applicant without a council account, with every resend and repeat the guide allows. */
class NewAccountJourneyTest extends ProcessTestBase {

    private static final String ACCOUNT_ID = "5f0c3f8e-7a51-4c52-9d0e-2b6f1c1f4a10";

    @Test
    void newApplicantSignsUpConfirmsPhoneTwiceAndIsActivated() {
        Onboarding onboarding = driver.start();

        driver.completeJob("send-setup-email");
        driver.publish(onboarding, "setup-code-checked", Map.of("setupCodeOutcome", "CONFIRMED"));
        driver.planInvitationRelease();
        driver.increaseTime(ProcessDriver.INVITATION_RELEASE_DELAY);
        driver.completeJob("send-invitation-email");

        driver.publish(onboarding, "email-code-requested", Map.of("emailCodeRequestId", 11));
        driver.completeJob("send-email-code");
        driver.publish(onboarding, "email-code-requested", Map.of("emailCodeRequestId", 12));
        var resentEmailCode = driver.completeJob("send-email-code");
        driver.publish(onboarding, "email-verified");
        driver.publish(onboarding, "account-details-submitted");
        driver.completeJob("create-account", Map.of("accountId", ACCOUNT_ID));

        driver.publish(onboarding, "phone-code-requested", Map.of("phoneCodeRequestId", 21));
        driver.completeJob("send-phone-code");
        driver.publish(onboarding, "phone-code-requested", Map.of("phoneCodeRequestId", 22));
        driver.completeJob("send-phone-code");
        driver.publish(onboarding, "phone-code-verified", Map.of("phoneVerifications", 1));
        driver.publish(onboarding, "phone-code-requested", Map.of("phoneCodeRequestId", 23));
        driver.completeJob("send-phone-code");
        driver.publish(onboarding, "phone-code-verified", Map.of("phoneVerifications", 2));

        driver.publish(onboarding, "record-confirmation-submitted", ProcessDriver.recordConfirmation());
        driver.publish(onboarding, "access-review-decided", Map.of("accessApproved", true));
        var grant = driver.completeJob("grant-record-access");
        driver.completeJob("activate-account");
        driver.completeJob("send-activation-email");

        assertThat(onboarding.instance())
                .hasPassedElementsInOrder(
                        "Task_SendSetupEmail",
                        "Boundary_SetupCodeChecked",
                        "Timer_InvitationRelease",
                        "Task_SendInvitationEmail",
                        "Event_EmailCodeRequested",
                        "Task_SendEmailCode",
                        "Event_EmailCodeResendRequested",
                        "Task_SendEmailCode",
                        "Event_EmailVerified",
                        "Event_AccountDetailsSubmitted",
                        "Task_CreateAccount",
                        "Event_PhoneCodeRequested",
                        "Event_PhoneCodeResendRequested",
                        "Event_PhoneCodeVerified",
                        "Event_PhoneCodeRequested",
                        "Event_PhoneCodeVerified",
                        "Gateway_JoinRecordConfirmation",
                        "Event_RecordConfirmationSubmitted",
                        "Boundary_AccessReviewDecided",
                        "Task_GrantRecordAccess",
                        "Task_ActivateAccount",
                        "Task_SendActivationEmail",
                        "EndEvent_AccountActivated")
                .hasPassedElement("Task_SendEmailCode", 2)
                .hasPassedElement("Task_SendPhoneCode", 3)
                .hasPassedElement("Event_PhoneCodeRequested", 2)
                .hasPassedElement("Event_PhoneCodeVerified", 2)
                .hasNotPassedElement("Event_ExistingAccountSignedIn")
                .hasNotPassedElement("Task_CheckSetupCode")
                .hasVariableWithValue("accountId", ACCOUNT_ID)
                .hasVariableWithValue("phoneVerifications", 2)
                .hasVariableWithValue("accessApproved", true)
                .hasNoIncidents()
                .isCompleted();
        assertThat(resentEmailCode.getVariablesAsMap()).containsEntry("emailCodeRequestId", 12);
        assertThat(grant.getVariablesAsMap()).containsEntry("accountId", ACCOUNT_ID);
    }

    /**
     * An engine outage held the first round's send job while the applicant verified it and asked for the second
     * round's code: both messages waited, and the gateway took the request as "new code". The verification then
     * says which request it answered, so the process waits for the code already sent, not for a request it had.
     */
    @Test
    void theNextRoundsRequestTakenAsANewCodeIsNotWaitedForAgain() {
        Onboarding onboarding = driver.start();
        driver.inviteApplicant(onboarding);
        driver.publish(onboarding, "email-code-requested", Map.of("emailCodeRequestId", 11));
        driver.completeJob("send-email-code");
        driver.publish(onboarding, "email-verified");
        driver.publish(onboarding, "account-details-submitted");
        driver.completeJob("create-account", Map.of("accountId", ACCOUNT_ID));
        driver.publish(onboarding, "phone-code-requested", Map.of("phoneCodeRequestId", 21));
        driver.completeJob("send-phone-code");

        driver.publish(onboarding, "phone-code-requested", Map.of("phoneCodeRequestId", 22));
        driver.completeJob("send-phone-code");
        driver.publish(onboarding, "phone-code-verified",
                Map.of("phoneVerifications", 1, "phoneCodeVerifiedRequestId", 21));
        driver.publish(onboarding, "phone-code-verified",
                Map.of("phoneVerifications", 2, "phoneCodeVerifiedRequestId", 22));
        driver.publish(onboarding, "record-confirmation-submitted", ProcessDriver.recordConfirmation());

        assertThat(onboarding.instance())
                .hasPassedElement("Event_PhoneCodeRequested", 1)
                .hasPassedElement("Event_PhoneCodeResendRequested", 1)
                .hasPassedElement("Event_PhoneCodeVerified", 2)
                .hasPassedElement("Event_RecordConfirmationSubmitted")
                .isWaitingAtElements("UserTask_ReviewAccess");
    }

    @Test
    void journeyTimelineHearsWhenEachStepStartsAndEnds() {
        Onboarding onboarding = driver.start();
        driver.completeJob("send-setup-email");
        driver.publish(onboarding, "setup-code-checked", Map.of("setupCodeOutcome", "CONFIRMED"));
        driver.planInvitationRelease();

        assertThat(elementIds(driver.createdJobs(ProcessDriver.TIMELINE_STARTED)))
                .containsExactly("Task_SendSetupEmail", "UserTask_ConfirmSetupCode", "Task_PlanInvitationRelease",
                        "Timer_InvitationRelease");
        // The user task was left through its boundary, so only the boundary event reports the end of step 2.
        assertThat(elementIds(driver.createdJobs(ProcessDriver.TIMELINE_ENDED)))
                .containsExactly("Task_SendSetupEmail", "Boundary_SetupCodeChecked", "Task_PlanInvitationRelease");
        assertThat(driver.timelineJobs())
                .hasSize(7)
                .allSatisfy(job -> assertThat(job.getVariablesAsMap()).containsEntry("onboardingId", onboarding.id()))
                .extracting(job -> job.getType() + "@" + job.getElementId())
                .contains("timeline-step-started@UserTask_ConfirmSetupCode", "timeline-step-ended@Boundary_SetupCodeChecked");
    }

    private static List<String> elementIds(List<JobRecordValue> jobs) {
        return jobs.stream().map(JobRecordValue::getElementId).toList();
    }
}
