package org.csonline.onboarding.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.csonline.onboarding.process.ProcessDriver.Onboarding;
import org.junit.jupiter.api.Test;

/** Guide step 3: the invitation email waits for the configured release delay. */
class InvitationReleaseTimerTest extends ProcessTestBase {

    @Test
    void invitationIsSentOnlyOnceTheReleaseDelayHasPassed() {
        Onboarding onboarding = driver.start();
        driver.completeJob("send-setup-email");
        driver.publish(onboarding, "setup-code-checked", Map.of("setupCodeOutcome", "CONFIRMED"));
        driver.planInvitationRelease();

        assertThat(onboarding.instance()).isWaitingExactlyAtElements("Timer_InvitationRelease", "SubProcess_Onboarding");
        assertThat(driver.createdJobs("send-invitation-email")).isEmpty();

        driver.increaseTime(ProcessDriver.INVITATION_RELEASE_DELAY.minus(Duration.ofMinutes(1)));

        assertThat(onboarding.instance()).isWaitingExactlyAtElements("Timer_InvitationRelease", "SubProcess_Onboarding");
        assertThat(driver.createdJobs("send-invitation-email")).isEmpty();

        driver.increaseTime(Duration.ofMinutes(1));
        driver.completeJob("send-invitation-email");

        assertThat(onboarding.instance())
                .hasPassedElementsInOrder("Timer_InvitationRelease", "Task_SendInvitationEmail")
                .isWaitingExactlyAtElements("Gateway_AccountChoice", "SubProcess_Onboarding", "SubProcess_ApplicantSignUp");
        assertThat(driver.awaitedMessages(onboarding))
                .containsExactlyInAnyOrder("existing-account-signed-in", "email-code-requested");
    }
}
