package org.csonline.onboarding.progress;

import java.time.Instant;
import java.util.List;

/**
 * Where an onboarding is in the guide's 15 steps, for the applicant's "where am I" page: the current step, whether
 * the journey has finished (and how), and when it last moved. No personal data.
 */
public record JourneyProgress(int currentStep, Outcome outcome, Instant lastChange, List<Integer> stepsDone) {

    public static final int STEPS = 15;

    public enum Outcome { IN_PROGRESS, ACTIVE, DECLINED, CANCELLED, EXPIRED }

    public boolean finished() {
        return outcome != Outcome.IN_PROGRESS;
    }

    public boolean isDone(int step) {
        return stepsDone.contains(step);
    }
}
