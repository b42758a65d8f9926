package org.csonline.onboarding.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.DeploymentEvent;
import io.camunda.zeebe.client.api.response.Form;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.csonline.onboarding.process.ProcessDriver.Onboarding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Guide step 15: a reviewer approves or declines access, in Tasklist or on our reviewer page. */
@ZeebeProcessTest
class AccessReviewTest {

  private static final String ACCOUNT_ID = "0d6b1f0a-58a4-4d8f-a7ae-3c1d2e9b7f21";

  private ZeebeTestEngine engine;
  private ZeebeClient client;
  private ProcessDriver driver;
  private DeploymentEvent deployment;

  @BeforeEach
  void deploy() {
    driver = new ProcessDriver(engine, client);
    deployment = driver.deploy();
  }

  @Test
  void accessReviewersGetATasklistTaskWithTheFormAndDueDate() {
    Onboarding onboarding = submitRecordConfirmation();

    assertThat(onboarding.instance())
        .isWaitingExactlyAtElements("UserTask_ReviewAccess");
    assertThat(driver.awaitedMessages(onboarding)).containsExactly("access-review-decided");
    var tasks = driver.createdUserTasks("UserTask_ReviewAccess");
    assertThat(tasks).hasSize(1);
    var task = tasks.getFirst();
    assertThat(task.getCandidateGroupsList()).containsExactly("access-reviewers");
    assertThat(task.getFormKey()).isEqualTo(formKey("review-access"));
    assertThat(OffsetDateTime.parse(task.getDueDate()).toInstant())
        .isEqualTo(Instant.parse(ProcessDriver.ACCESS_REVIEW_DUE));
  }

  @Test
  void declinedAccessEndsWithoutGrantingIt() {
    Onboarding onboarding = submitRecordConfirmation();

    driver.publish(onboarding, "access-review-decided", Map.of("accessApproved", false));

    assertThat(onboarding.instance())
        .hasPassedElementsInOrder("Boundary_AccessReviewDecided", "EndEvent_AccessDeclined")
        .hasNotPassedElement("Task_GrantRecordAccess")
        .hasNotPassedElement("Task_ActivateAccount")
        .hasNotPassedElement("Task_SendActivationEmail")
        .hasVariableWithValue("accessApproved", false)
        .isCompleted();
  }

  @Test
  void decisionFromTasklistLeadsToTheSameGateway() {
    // Tasklist completes the user task through the REST API the embedded engine lacks; the form's
    // accessApproved then reaches Gateway_AccessApproved, which is where this test starts the instance.
    Onboarding onboarding =
        driver.startBefore("Gateway_AccessApproved", Map.of("accessApproved", true, "accountId", ACCOUNT_ID));

    driver.completeJob("grant-record-access");
    driver.completeJob("activate-account");
    driver.completeJob("send-activation-email");

    assertThat(onboarding.instance()).hasPassedElement("EndEvent_AccountActivated").isCompleted();
  }

  private Onboarding submitRecordConfirmation() {
    Onboarding onboarding = driver.start();
    driver.completeJob("send-setup-email");
    driver.publish(onboarding, "setup-code-checked", Map.of("setupCodeOutcome", "CONFIRMED"));
    driver.increaseTime(ProcessDriver.INVITATION_RELEASE_DELAY);
    driver.completeJob("send-invitation-email");
    driver.publish(onboarding, "existing-account-signed-in", Map.of("accountId", ACCOUNT_ID));
    driver.publish(onboarding, "record-confirmation-submitted", Map.of("accessReviewDue", ProcessDriver.ACCESS_REVIEW_DUE));
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
