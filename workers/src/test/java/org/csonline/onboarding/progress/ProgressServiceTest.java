package org.csonline.onboarding.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.csonline.onboarding.onboarding.Onboarding;
import org.csonline.onboarding.onboarding.OnboardingStatus;
import org.csonline.onboarding.timeline.JourneyStep;
import org.csonline.onboarding.timeline.TimelineEntry;
import org.csonline.onboarding.timeline.TimelineEntry.Phase;
import org.junit.jupiter.api.Test;

class ProgressServiceTest {

    final List<TimelineEntry> entries = new ArrayList<>();
    Instant at = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void waitingForTheCaseworkerIsStepTwo() {
        add(JourneyStep.SEND_SETUP_EMAIL, Phase.STARTED);
        add(JourneyStep.SEND_SETUP_EMAIL, Phase.ENDED);
        add(JourneyStep.CONFIRM_SETUP_CODE, Phase.STARTED);
        JourneyProgress progress = ProgressService.from(entries);
        assertThat(progress.currentStep()).isEqualTo(2);
        assertThat(progress.stepsDone()).containsExactly(1);
        assertThat(progress.finished()).isFalse();
    }

    @Test
    void afterTheCodeEmailTheApplicantTypesTheCode() {
        add(JourneyStep.SEND_INVITATION_EMAIL, Phase.ENDED);
        add(JourneyStep.EMAIL_CODE_REQUESTED, Phase.ENDED);
        add(JourneyStep.SEND_EMAIL_CODE, Phase.STARTED);
        add(JourneyStep.SEND_EMAIL_CODE, Phase.ENDED);
        assertThat(ProgressService.from(entries).currentStep()).isEqualTo(8);
    }

    @Test
    void theReviewIsStepFifteen() {
        add(JourneyStep.RECORD_CONFIRMATION_SUBMITTED, Phase.ENDED);
        add(JourneyStep.REVIEW_ACCESS, Phase.STARTED);
        JourneyProgress progress = ProgressService.from(entries);
        assertThat(progress.currentStep()).isEqualTo(15);
        assertThat(progress.isDone(14)).isTrue();
        assertThat(progress.isDone(15)).isFalse();
    }

    @Test
    void anActivatedAccountHasFinishedEveryStep() {
        add(JourneyStep.SEND_ACTIVATION_EMAIL, Phase.ENDED);
        add(JourneyStep.ACCOUNT_ACTIVATED, Phase.STARTED);
        JourneyProgress progress = ProgressService.from(entries);
        assertThat(progress.outcome()).isEqualTo(JourneyProgress.Outcome.ACTIVE);
        assertThat(progress.stepsDone()).hasSize(15);
    }

    @Test
    void aCancelledOnboardingSaysSo() {
        add(JourneyStep.CANCEL_ONBOARDING, Phase.STARTED);
        add(JourneyStep.ONBOARDING_CANCELLED, Phase.STARTED);
        assertThat(ProgressService.from(entries).outcome()).isEqualTo(JourneyProgress.Outcome.CANCELLED);
    }

    @Test
    void theOnboardingsStatusEndsAJourneyTheTimelineStillShowsAsGoingOn() {
        add(JourneyStep.SEND_SETUP_EMAIL, Phase.ENDED);
        add(JourneyStep.CONFIRM_SETUP_CODE, Phase.STARTED);
        JourneyProgress going = ProgressService.from(entries);
        assertThat(going.finished()).isFalse();
        assertThat(ProgressService.ended(going, onboarding(OnboardingStatus.CANCELLED, "CANCELLED_BY_CASEWORKER"))
                .outcome()).isEqualTo(JourneyProgress.Outcome.CANCELLED);
        assertThat(ProgressService.ended(going, onboarding(OnboardingStatus.CANCELLED, "SETUP_CODE_EXPIRED"))
                .outcome()).isEqualTo(JourneyProgress.Outcome.EXPIRED);
        assertThat(ProgressService.ended(going, onboarding(OnboardingStatus.DECLINED, null)).outcome())
                .isEqualTo(JourneyProgress.Outcome.DECLINED);
        assertThat(ProgressService.ended(going, onboarding(OnboardingStatus.IN_PROGRESS, null)).finished()).isFalse();
    }

    private static Onboarding onboarding(OnboardingStatus status, String reason) {
        return new Onboarding(java.util.UUID.randomUUID(), "a@example.com", "R1", "Name", "cw", status, reason, null,
                Instant.parse("2026-03-02T09:00:00Z"));
    }

    private void add(JourneyStep step, Phase phase) {
        at = at.plusSeconds(60);
        entries.add(new TimelineEntry(step.elementId(), java.util.Optional.of(step), phase, at));
    }
}
