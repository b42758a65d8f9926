package org.csonline.onboarding.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.UUID;
import org.csonline.onboarding.calendar.WorkingDays;
import org.csonline.onboarding.process.OnboardingProcess;
import org.csonline.onboarding.process.ProcessMessage;
import org.csonline.onboarding.support.MutableClock;
import org.csonline.onboarding.support.UserInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** An onboarding started from Tasklist: an id first, the details from the staff page, nothing personal before. */
@JdbcTest(properties = "cso.tasklist-start.details-period=P7D")
@Import({TasklistStartService.class, OnboardingService.class, OnboardingRepository.class, WorkingDays.class})
class TasklistStartServiceTest {

    @Autowired
    TasklistStartService tasklistStarts;
    @Autowired
    OnboardingRepository onboardings;
    @Autowired
    MutableClock clock;
    @MockitoBean
    OnboardingProcess process;

    @Test
    void theSameInstanceAskingTwiceGetsTheSameIdWithADueDate() {
        var first = tasklistStarts.register(4711L);
        var again = tasklistStarts.register(4711L);

        assertThat(again).isEqualTo(first);
        assertThat(first.detailsDue()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(tasklistStarts.waiting()).extracting(TasklistStartService.TasklistStart::onboardingId)
                .contains(first.onboardingId());
    }

    @Test
    void detailsFromTheStaffPageStoreTheOnboardingUnderTheProcesssIdAndTellTheProcess() {
        UUID id = tasklistStarts.register(4712L).onboardingId();

        tasklistStarts.enterDetails(id, new NewOnboarding(" Sam@Example.org ", "CR-1", "Riley"), "jo.caseworker");

        var onboarding = onboardings.get(id);
        assertThat(onboarding.applicantEmail()).isEqualTo("sam@example.org");
        assertThat(onboarding.caseworker()).isEqualTo("jo.caseworker");
        assertThat(onboardings.processInstanceKey(id)).contains(4712L);
        assertThat(tasklistStarts.find(id).orElseThrow().detailsEntered()).isTrue();
        assertThat(tasklistStarts.waiting()).extracting(TasklistStartService.TasklistStart::onboardingId)
                .doesNotContain(id);
        verify(process).publish(eq(ProcessMessage.APPLICANT_DETAILS_ENTERED), eq(id), eq("details"), anyMap());
    }

    @Test
    void badDetailsAreRefusedAndNothingIsStoredOrSent() {
        UUID id = tasklistStarts.register(4713L).onboardingId();

        assertThatThrownBy(() -> tasklistStarts.enterDetails(id, new NewOnboarding("not an email", "", ""), "jo"))
                .isInstanceOf(UserInputException.class);

        assertThat(onboardings.find(id)).isEmpty();
        assertThat(tasklistStarts.find(id).orElseThrow().detailsEntered()).isFalse();
        verify(process, never()).publish(eq(ProcessMessage.APPLICANT_DETAILS_ENTERED), eq(id), eq("details"), anyMap());
    }

    @Test
    void detailsAreTakenOnceAndNotAfterTheDueDate() {
        UUID entered = tasklistStarts.register(4714L).onboardingId();
        tasklistStarts.enterDetails(entered, new NewOnboarding("a@example.org", "CR-2", "Ash"), "jo");
        assertThatThrownBy(() -> tasklistStarts.enterDetails(entered, new NewOnboarding("b@example.org", "CR-3", "B"),
                "jo")).isInstanceOf(UserInputException.class);

        UUID late = tasklistStarts.register(4715L).onboardingId();
        clock.advance(Duration.ofDays(8));
        assertThatThrownBy(() -> tasklistStarts.enterDetails(late, new NewOnboarding("c@example.org", "CR-4", "C"),
                "jo")).isInstanceOf(UserInputException.class);
        assertThat(tasklistStarts.waiting()).extracting(TasklistStartService.TasklistStart::onboardingId)
                .doesNotContain(late);
    }
}
