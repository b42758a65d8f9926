package org.csonline.onboarding.timeline;

import java.time.Instant;

/** One start or end of one step element. {@code step} is empty for elements the catalogue does not know. */
public record TimelineEntry(String elementId, java.util.Optional<JourneyStep> step, Phase phase, Instant at) {

    public enum Phase { STARTED, ENDED }

    public int guideStep() {
        return step.map(JourneyStep::guideStep).orElse(0);
    }

    public String description() {
        return step.map(JourneyStep::description).orElse(elementId);
    }
}
