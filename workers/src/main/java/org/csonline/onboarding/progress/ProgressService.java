package org.csonline.onboarding.progress;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.onboarding.CancellationReason;
import org.csonline.onboarding.onboarding.Onboarding;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.timeline.JourneyStep;
import org.csonline.onboarding.timeline.TimelineEntry;
import org.csonline.onboarding.timeline.TimelineService;
import org.springframework.stereotype.Service;

/** Turns the journey timeline into the applicant's "where am I": the step they are on, read from the timeline. */
@Service
public class ProgressService {

    private final TimelineService timeline;
    private final OnboardingRepository onboardings;

    public ProgressService(TimelineService timeline, OnboardingRepository onboardings) {
        this.timeline = timeline;
        this.onboardings = onboardings;
    }

    public Optional<JourneyProgress> progress(UUID onboardingId) {
        List<TimelineEntry> entries = timeline.timeline(onboardingId);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        JourneyProgress fromTimeline = from(entries);
        return Optional.of(onboardings.find(onboardingId).map(o -> ended(fromTimeline, o)).orElse(fromTimeline));
    }

    /**
     * The onboarding's own status wins over the timeline: a cancelled, expired or declined onboarding has ended even
     * when its process has not (yet) written an ending step to the timeline.
     */
    static JourneyProgress ended(JourneyProgress progress, Onboarding onboarding) {
        JourneyProgress.Outcome outcome = switch (onboarding.status()) {
            case CANCELLED, NOT_STARTED -> CancellationReason.of(onboarding.cancellationReason())
                    .filter(CancellationReason::reinvitable).isPresent()
                    ? JourneyProgress.Outcome.EXPIRED : JourneyProgress.Outcome.CANCELLED;
            case DECLINED -> JourneyProgress.Outcome.DECLINED;
            case IN_PROGRESS, COMPLETED -> progress.outcome();
        };
        if (outcome == progress.outcome()) {
            return progress;
        }
        return new JourneyProgress(progress.currentStep(), outcome, progress.lastChange(), progress.stepsDone());
    }

    /**
     * The furthest step reached decides; once that step has ended, the next one is current. Steps before the current
     * one are done (for an applicant with a new account, step 4 "sign in" counts as passed by signing up).
     */
    static JourneyProgress from(List<TimelineEntry> entries) {
        TimelineEntry latest = entries.getLast();
        JourneyProgress.Outcome outcome = entries.stream().map(TimelineEntry::step).flatMap(Optional::stream)
                .map(ProgressService::outcomeOf).filter(o -> o != JourneyProgress.Outcome.IN_PROGRESS)
                .findFirst().orElse(JourneyProgress.Outcome.IN_PROGRESS);
        int current = entries.stream().mapToInt(TimelineEntry::guideStep).max().orElse(1);
        if (current <= 0) {
            current = 1;
        }
        if (latest.phase() == TimelineEntry.Phase.ENDED && outcome == JourneyProgress.Outcome.IN_PROGRESS
                && latest.guideStep() == current) {
            // The step just finished and nothing newer has started: the applicant (or staff) acts next.
            current = current + 1;
        }
        int furthest = current;
        if (outcome == JourneyProgress.Outcome.ACTIVE) {
            furthest = JourneyProgress.STEPS + 1;
        }
        int limit = furthest;
        List<Integer> done = java.util.stream.IntStream.rangeClosed(1, JourneyProgress.STEPS)
                .filter(step -> step < limit).boxed().toList();
        return new JourneyProgress(Math.min(current, JourneyProgress.STEPS), outcome, latest.at(), done);
    }

    private static JourneyProgress.Outcome outcomeOf(JourneyStep step) {
        return switch (step) {
            case ACCOUNT_ACTIVATED -> JourneyProgress.Outcome.ACTIVE;
            case ACCESS_DECLINED -> JourneyProgress.Outcome.DECLINED;
            case ONBOARDING_CANCELLED, CANCEL_ONBOARDING -> JourneyProgress.Outcome.CANCELLED;
            default -> JourneyProgress.Outcome.IN_PROGRESS;
        };
    }
}
