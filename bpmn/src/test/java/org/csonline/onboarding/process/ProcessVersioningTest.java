package org.csonline.onboarding.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.util.Map;
import java.util.UUID;
import org.csonline.onboarding.process.ProcessDriver.Onboarding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docs/adr/001-process-versioning.md: deploying a new version leaves running instances on the version they started
 * with, and they still complete. released/ holds each released model as it was.
 */
@ZeebeProcessTest
@ExtendWith(ModelCoverageExtension.class)
class ProcessVersioningTest {

    private static final String ACCOUNT_ID = "0d6b1f0a-58a4-4d8f-a7ae-3c1d2e9b7f21";

    private ZeebeTestEngine engine;
    private ZeebeClient client;

    @Test
    void onboardingOnTheReleasedVersionCompletesAfterTheCurrentModelIsDeployed() {
        var driver = new ProcessDriver(engine, client);
        var released = client.newDeployResourceCommand()
                .addResourceFromClasspath("released/cso-onboarding-v1.bpmn")
                .addResourceFromClasspath("bpmn/forms/confirm-setup-code.form")
                .addResourceFromClasspath("bpmn/forms/review-access.form")
                .send().join();
        var onboardingId = UUID.randomUUID().toString();
        var oldInstance = client.newCreateInstanceCommand().bpmnProcessId(ProcessDriver.PROCESS_ID).latestVersion()
                .variables(Map.of("onboardingId", onboardingId,
                        "invitationReleaseDelay", ProcessDriver.INVITATION_RELEASE_DELAY.toString(),
                        "setupCodeConfirmationDue", ProcessDriver.SETUP_CODE_CONFIRMATION_DUE))
                .send().join();
        var old = new Onboarding(onboardingId, oldInstance);
        driver.settle();
        driver.completeJob("send-setup-email");

        var current = driver.deploy();
        var newOnboarding = driver.start();

        assertThat(released.getProcesses().getFirst().getVersion()).isEqualTo(1);
        assertThat(current.getProcesses().getFirst().getVersion()).isEqualTo(2);
        assertThat(oldInstance.getVersion()).isEqualTo(1);
        assertThat(newOnboarding.instance().getVersion()).isEqualTo(2);

        // The old instance carries on as version 1 did: no planning job, a duration timer, no declined email.
        driver.completeJob("send-setup-email");
        driver.publish(old, "setup-code-checked", Map.of("setupCodeOutcome", "CONFIRMED"));
        assertThat(driver.createdJobs("plan-invitation-release")).isEmpty();
        driver.increaseTime(ProcessDriver.INVITATION_RELEASE_DELAY);
        driver.completeJob("send-invitation-email");
        driver.publish(old, "existing-account-signed-in", Map.of("accountId", ACCOUNT_ID));
        driver.publish(old, "record-confirmation-submitted", Map.of("accessReviewDue", ProcessDriver.ACCESS_REVIEW_DUE));
        driver.publish(old, "access-review-decided", Map.of("accessApproved", true));
        driver.completeJob("grant-record-access");
        driver.completeJob("activate-account");
        driver.completeJob("send-activation-email");

        assertThat(oldInstance).hasPassedElement("EndEvent_AccountActivated").hasNoIncidents().isCompleted();
        assertThat(newOnboarding.instance()).isWaitingExactlyAtElements("UserTask_ConfirmSetupCode", "SubProcess_Onboarding");
    }

    /**
     * Version 2 (issue 5) let Tasklist users type the setup code; version 3 (issue 8) asks for no code and gives the
     * task back until the code is confirmed on the staff page. A version 2 instance waiting for its code when
     * version 3 is deployed still completes on version 2, with today's job types and messages.
     */
    @Test
    void onboardingOnVersion2CompletesAfterVersion3IsDeployed() {
        var driver = new ProcessDriver(engine, client);
        var released = client.newDeployResourceCommand()
                .addResourceFromClasspath("released/cso-onboarding-v2.bpmn")
                .addResourceFromClasspath("bpmn/forms/confirm-setup-code.form")
                .addResourceFromClasspath("bpmn/forms/review-access.form")
                .addResourceFromClasspath("bpmn/forms/start-onboarding.form")
                .send().join();
        var old = driver.start();
        driver.completeJob("send-setup-email");

        var current = driver.deploy();
        var newOnboarding = driver.startFromTasklist(Map.of());

        assertThat(released.getProcesses().getFirst().getVersion()).isEqualTo(1);
        assertThat(current.getProcesses().getFirst().getVersion()).isEqualTo(2);
        assertThat(old.instance().getVersion()).isEqualTo(1);
        driver.publish(old, "setup-code-checked", Map.of("setupCodeOutcome", "WRONG"));
        driver.publish(old, "setup-code-checked", Map.of("setupCodeOutcome", "CONFIRMED"));
        driver.planInvitationRelease();
        driver.increaseTime(ProcessDriver.INVITATION_RELEASE_DELAY);
        driver.completeJob("send-invitation-email");
        driver.publish(old, "existing-account-signed-in", Map.of("accountId", ACCOUNT_ID));
        driver.publish(old, "record-confirmation-submitted", ProcessDriver.recordConfirmation());
        driver.publish(old, "access-review-decided", Map.of("accessApproved", true));
        driver.completeJob("grant-record-access");
        driver.completeJob("activate-account");
        driver.completeJob("send-activation-email");

        assertThat(old.instance()).hasPassedElement("EndEvent_AccountActivated").hasNoIncidents().isCompleted();
        assertThat(newOnboarding).isWaitingExactlyAtElements("Task_RegisterOnboarding");
    }
}
