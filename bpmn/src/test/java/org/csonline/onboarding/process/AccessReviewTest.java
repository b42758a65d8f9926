package org.csonline.onboarding.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.api.response.Form;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.csonline.onboarding.process.ProcessDriver.Onboarding;
import org.junit.jupiter.api.Test;

/** Guide step 15: a reviewer approves or declines access, in Tasklist or on our reviewer page. */
class AccessReviewTest extends ProcessTestBase {

    private static final String ACCOUNT_ID = "0d6b1f0a-58a4-4d8f-a7ae-3c1d2e9b7f21";

    @Test
    void accessReviewersGetATasklistTaskWithTheFormAndDueDate() {
        Onboarding onboarding = submitRecordConfirmation();

        assertThat(onboarding.instance())
                .isWaitingExactlyAtElements("UserTask_ReviewAccess", "SubProcess_Onboarding");
        assertThat(driver.awaitedMessages(onboarding)).containsExactly("access-review-decided");
        var tasks = driver.createdUserTasks("UserTask_ReviewAccess");
        assertThat(tasks).hasSize(1);
        var task = tasks.getFirst();
        assertThat(task.getCandidateGroupsList()).containsExactly("access-reviewers");
        assertThat(task.getFormKey()).isEqualTo(formKey("review-access"));
        assertThat(OffsetDateTime.parse(task.getDueDate()).toInstant())
                .isEqualTo(Instant.parse(ProcessDriver.ACCESS_REVIEW_DUE));
        assertThat(OffsetDateTime.parse(task.getFollowUpDate()).toInstant())
                .isEqualTo(Instant.parse(ProcessDriver.ACCESS_REVIEW_FOLLOW_UP));
    }

    @Test
    void overdueReviewIsEscalatedWithoutInterruptingIt() {
        var due = java.time.Duration.ofDays(3);
        Onboarding onboarding = submitRecordConfirmation(driver.now().plus(due).toString());
        assertThat(driver.createdUserTasks("UserTask_ReviewAccess").getFirst().getPriority()).isEqualTo(50);

        driver.increaseTime(due);
        var escalation = driver.completeJob("escalate-access-review", Map.of("accessReviewEscalated", true));

        assertThat(escalation.getVariablesAsMap()).containsEntry("onboardingId", onboarding.id());
        assertThat(onboarding.instance())
                .hasPassedElementsInOrder("Boundary_AccessReviewOverdue", "Task_EscalateAccessReview",
                        "EndEvent_AccessReviewEscalated")
                .hasVariableWithValue("accessReviewEscalated", true)
                .isWaitingExactlyAtElements("UserTask_ReviewAccess", "SubProcess_Onboarding");
        assertThat(driver.createdUserTasks("UserTask_ReviewAccess")).hasSize(1);

        driver.publish(onboarding, "access-review-decided", Map.of("accessApproved", true));
        driver.completeJob("grant-record-access");
        driver.completeJob("activate-account");
        driver.completeJob("send-activation-email");
        assertThat(onboarding.instance()).hasPassedElement("EndEvent_AccountActivated").isCompleted();
    }

    @Test
    void declinedAccessEndsWithoutGrantingIt() {
        Onboarding onboarding = submitRecordConfirmation();

        driver.publish(onboarding, "access-review-decided", Map.of("accessApproved", false));
        driver.completeJob("send-access-declined-email");

        assertThat(onboarding.instance())
                .hasPassedElementsInOrder("Boundary_AccessReviewDecided", "Task_SendAccessDeclinedEmail", "EndEvent_AccessDeclined")
                .hasNotPassedElement("Task_GrantRecordAccess")
                .hasNotPassedElement("Task_ActivateAccount")
                .hasNotPassedElement("Task_SendActivationEmail")
                .hasVariableWithValue("accessApproved", false)
                .isCompleted();
    }

    @Test
    void approvalFromTasklistLeadsToTheSameGateway() {
        // Tasklist completes the user task through the REST API the embedded engine lacks; the form's
        // accessApproved then reaches Gateway_AccessApproved, which is where this test starts the instance.
        // The form-js schema makes option values strings: "true", not true (defect 8 of issue 8).
        Onboarding onboarding =
                driver.startBefore("Gateway_AccessApproved", Map.of("accessApproved", "true", "accountId", ACCOUNT_ID));

        driver.completeJob("grant-record-access");
        driver.completeJob("activate-account");
        driver.completeJob("send-activation-email");

        assertThat(onboarding.instance()).hasPassedElement("EndEvent_AccountActivated").isCompleted();
    }

    @Test
    void declineFromTasklistDeclines() {
        Onboarding onboarding =
                driver.startBefore("Gateway_AccessApproved", Map.of("accessApproved", "false", "accountId", ACCOUNT_ID));

        driver.completeJob("send-access-declined-email");

        assertThat(onboarding.instance()).hasPassedElement("EndEvent_AccessDeclined")
                .hasNotPassedElement("Task_GrantRecordAccess").isCompleted();
    }

    /** A value the gateway does not know is an incident a manager sees, never a silent decline. */
    @Test
    void anUnknownDecisionStopsAtAnIncidentInsteadOfDeclining() {
        Onboarding onboarding =
                driver.startBefore("Gateway_AccessApproved", Map.of("accessApproved", "yes", "accountId", ACCOUNT_ID));

        assertThat(onboarding.instance()).hasAnyIncidents().isActive();
        assertThat(driver.createdJobs("send-access-declined-email")).isEmpty();
    }

    private Onboarding submitRecordConfirmation() {
        return submitRecordConfirmation(ProcessDriver.ACCESS_REVIEW_DUE);
    }

    private Onboarding submitRecordConfirmation(String accessReviewDue) {
        Onboarding onboarding = driver.start();
        driver.completeJob("send-setup-email");
        driver.publish(onboarding, "setup-code-checked", Map.of("setupCodeOutcome", "CONFIRMED"));
        driver.planInvitationRelease();
        driver.increaseTime(ProcessDriver.INVITATION_RELEASE_DELAY);
        driver.completeJob("send-invitation-email");
        driver.publish(onboarding, "existing-account-signed-in", Map.of("accountId", ACCOUNT_ID));
        driver.publish(onboarding, "record-confirmation-submitted",
                Map.of("accessReviewDue", accessReviewDue, "accessReviewFollowUp", ProcessDriver.ACCESS_REVIEW_FOLLOW_UP));
        return onboarding;
    }

    private long formKey(String formId) {
        return deployment.getForm().stream()
                .filter(form -> form.getFormId().equals(formId))
                .mapToLong(Form::getFormKey)
                .findFirst()
                .orElseThrow();
    }
}
