package org.csonline.onboarding.timeline;

import java.time.Instant;

/**
 * One start or end of one step element. {@code step} is empty for elements the catalogue does not know.
 * {@code phoneRound} is which round of "Send Code" and its code the entry belongs to (1 for everything else): the
 * model runs the same elements for both rounds, but the guide calls the first step 11 and the second step 12.
 */
public record TimelineEntry(String elementId, java.util.Optional<JourneyStep> step, Phase phase, Instant at,
        int phoneRound) {

    public enum Phase { STARTED, ENDED }

    public TimelineEntry(String elementId, java.util.Optional<JourneyStep> step, Phase phase, Instant at) {
        this(elementId, step, phase, at, 1);
    }

    public int guideStep() {
        if (step.filter(JourneyStep::isPhoneRound).isPresent()) {
            return phoneRound >= 2 ? 12 : 11;
        }
        return step.map(JourneyStep::guideStep).orElse(0);
    }

    public String description() {
        return step.map(JourneyStep::description).orElse(elementId);
    }
}
