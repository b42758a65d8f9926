package org.csonline.onboarding.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.api.response.Form;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.csonline.onboarding.process.ProcessDriver.Onboarding;
import org.junit.jupiter.api.Test;

/**
 * Guide step 1 from Tasklist: the start form asks for nothing, the process gets an onboarding id, and the caseworker
 * enters the applicant's details on our staff page (docs/adr/002-tasklist-start-without-personal-data.md).
 */
class TasklistStartTest extends ProcessTestBase {

    private static final Duration DETAILS_PERIOD = Duration.ofDays(7);

    @Test
    void everyFormDeploysWithTheModel() {
        assertThat(deployment.getForm()).extracting(Form::getFormId).containsExactlyInAnyOrder("confirm-setup-code",
                "enter-applicant-details", "review-access", "start-onboarding");
    }

    @Test
    void tasklistStartGetsAnIdThenTheDetailsFromTheStaffPageStartTheJourney() {
        var instance = driver.startFromTasklist(Map.of());
        var onboardingId = UUID.randomUUID().toString();

        driver.completeJob("register-onboarding", registered(onboardingId));

        assertThat(instance).isWaitingExactlyAtElements("UserTask_EnterApplicantDetails");
        var task = driver.createdUserTasks("UserTask_EnterApplicantDetails").getFirst();
        assertThat(task.getCandidateGroupsList()).containsExactly("caseworkers");
        assertThat(task.getFormKey()).isPositive();
        var onboarding = new Onboarding(onboardingId, instance);
        assertThat(driver.awaitedMessages(onboarding)).containsExactly("applicant-details-entered");

        driver.publish(onboarding, "applicant-details-entered", driver.startVariables());
        var setupEmail = driver.completeJob("send-setup-email");

        assertThat(setupEmail.getVariablesAsMap()).containsEntry("onboardingId", onboardingId);
        assertThat(instance)
                .hasPassedElementsInOrder("Gateway_RegisteredOnOurPages", "Task_RegisterOnboarding",
                        "Boundary_ApplicantDetailsEntered", "Gateway_JoinRegistered", "Task_SendSetupEmail")
                .isWaitingExactlyAtElements("UserTask_ConfirmSetupCode", "SubProcess_Onboarding");
    }

    /** Defect 2 of issue 8: the start listener of Task_RegisterOnboarding ran before there was an onboardingId. */
    @Test
    void everyTimelineJobOfATasklistStartCarriesTheOnboardingId() {
        var instance = driver.startFromTasklist(Map.of());
        var onboardingId = UUID.randomUUID().toString();

        driver.completeJob("register-onboarding", registered(onboardingId));
        driver.publish(new Onboarding(onboardingId, instance), "applicant-details-entered", driver.startVariables());

        assertThat(driver.timelineJobs()).isNotEmpty().allSatisfy(job ->
                assertThat(job.getVariablesAsMap()).as("%s of %s", job.getType(), job.getElementId())
                        .containsEntry("onboardingId", onboardingId));
        assertThat(driver.timelineJobs()).anySatisfy(job -> {
            assertThat(job.getElementId()).isEqualTo("Task_RegisterOnboarding");
            assertThat(job.getType()).isEqualTo(ProcessDriver.TIMELINE_ENDED);
        });
    }

    @Test
    void taskCompletedInTasklistBeforeTheDetailsAreEnteredComesBack() {
        // Tasklist completes the user task through the REST API the embedded engine lacks; the instance then
        // continues at Task_CheckApplicantDetails, which is where this test starts it.
        Onboarding onboarding = driver.startBefore("Task_CheckApplicantDetails", detailsDue());

        driver.completeJob("check-applicant-details", Map.of("applicantDetailsEntered", false));

        assertThat(onboarding.instance()).hasPassedElement("Gateway_ApplicantDetailsEntered")
                .isWaitingExactlyAtElements("UserTask_EnterApplicantDetails");
        assertThat(driver.createdJobs("send-setup-email")).isEmpty();
    }

    @Test
    void taskCompletedInTasklistAfterTheDetailsAreEnteredStartsTheJourney() {
        Onboarding onboarding = driver.startBefore("Task_CheckApplicantDetails", detailsDue());

        var details = new HashMap<String, Object>(driver.startVariables());
        details.put("applicantDetailsEntered", true);
        driver.completeJob("check-applicant-details", details);
        driver.completeJob("send-setup-email");

        assertThat(onboarding.instance()).isWaitingExactlyAtElements("UserTask_ConfirmSetupCode", "SubProcess_Onboarding");
    }

    @Test
    void detailsNeverEnteredDiscardTheTasklistStartWithoutSendingAnything() {
        var instance = driver.startFromTasklist(Map.of());
        driver.completeJob("register-onboarding", registered(UUID.randomUUID().toString()));

        driver.increaseTime(DETAILS_PERIOD.plusHours(1));

        assertThat(instance).hasPassedElementsInOrder("Boundary_ApplicantDetailsOverdue", "EndEvent_ApplicantDetailsNotEntered")
                .isCompleted();
        assertThat(driver.createdJobs("send-setup-email")).isEmpty();
    }

    @Test
    void onboardingStartedOnOurPagesSkipsRegistration() {
        var onboarding = driver.start();

        assertThat(onboarding.instance()).hasNotPassedElement("Task_RegisterOnboarding");
        assertThat(driver.createdJobs("send-setup-email")).hasSize(1);
    }

    private Map<String, Object> registered(String onboardingId) {
        var variables = new HashMap<String, Object>(detailsDue());
        variables.put("onboardingId", onboardingId);
        return variables;
    }

    private Map<String, Object> detailsDue() {
        return Map.of("applicantDetailsDue", driver.now().plus(DETAILS_PERIOD).toString());
    }
}
