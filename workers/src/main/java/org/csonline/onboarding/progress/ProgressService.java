package org.csonline.onboarding.progress;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.timeline.JourneyStep;
import org.csonline.onboarding.timeline.TimelineEntry;
import org.csonline.onboarding.timeline.TimelineService;
import org.springframework.stereotype.Service;

/** Turns the journey timeline into the applicant's "where am I": the step they are on, read from the timeline. */
@Service
public class ProgressService {

    private final TimelineService timeline;

    public ProgressService(TimelineService timeline) {
        this.timeline = timeline;
    }

    public Optional<JourneyProgress> progress(UUID onboardingId) {
        List<TimelineEntry> entries = timeline.timeline(onboardingId);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(from(entries));
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
