package org.csonline.onboarding.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.csonline.onboarding.timeline.TimelineEntry.Phase;
import org.junit.jupiter.api.Test;

/** The model runs the same phone elements twice; the timeline calls the first round step 11, the second step 12. */
class PhoneRoundsTest {

    final List<TimelineEntry> entries = new ArrayList<>();
    Instant at = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void theSecondRoundIsStepTwelve() {
        add(JourneyStep.PHONE_CODE_REQUESTED, Phase.STARTED);
        add(JourneyStep.SEND_PHONE_CODE, Phase.STARTED);
        add(JourneyStep.SEND_PHONE_CODE, Phase.ENDED);
        add(JourneyStep.PHONE_CODE_RESEND_REQUESTED, Phase.ENDED);
        add(JourneyStep.PHONE_CODE_VERIFIED, Phase.STARTED);
        add(JourneyStep.PHONE_CODE_VERIFIED, Phase.ENDED);
        add(JourneyStep.PHONE_CODE_REQUESTED, Phase.ENDED);
        add(JourneyStep.SEND_PHONE_CODE, Phase.STARTED);
        add(JourneyStep.PHONE_CODE_VERIFIED, Phase.ENDED);
        add(JourneyStep.PHONE_CODE_VERIFIED, Phase.ENDED);

        assertThat(TimelineService.withPhoneRounds(entries).stream().map(TimelineEntry::guideStep))
                .containsExactly(11, 11, 11, 11, 11, 11, 12, 12, 12, 12);
    }

    @Test
    void otherStepsKeepTheCataloguesNumber() {
        add(JourneyStep.PHONE_CODE_VERIFIED, Phase.ENDED);
        add(JourneyStep.PHONE_CODE_VERIFIED, Phase.ENDED);
        add(JourneyStep.SEND_SETUP_EMAIL, Phase.ENDED);
        assertThat(TimelineService.withPhoneRounds(entries).stream().map(TimelineEntry::guideStep))
                .containsExactly(11, 12, JourneyStep.SEND_SETUP_EMAIL.guideStep());
    }

    private void add(JourneyStep step, Phase phase) {
        at = at.plusSeconds(60);
        entries.add(new TimelineEntry(step.elementId(), Optional.of(step), phase, at));
    }
}
