package org.csonline.onboarding.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessPropertiesTest {

    private final ProcessProperties defaults = new ProcessProperties(Duration.ofDays(2), Duration.ofDays(28),
            Duration.ofDays(3), null, null, null, null, null);

    @Test
    void messagesAfterTheEnginesOwnStepsLiveOneMinute() {
        assertThat(defaults.messageTtl(ProcessMessage.ACCOUNT_DETAILS_SUBMITTED)).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.messageTtl(ProcessMessage.RECORD_CONFIRMATION_SUBMITTED)).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.messageTtl(ProcessMessage.ACCESS_REVIEW_DECIDED)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void messagesThatMayWaitForAJobOutliveItsTimeout() {
        assertThat(defaults.messageTtl(ProcessMessage.PHONE_CODE_REQUESTED)).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.messageTtl(ProcessMessage.SETUP_CODE_CHECKED)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void eachTtlIsConfiguredOnItsOwn() {
        ProcessProperties configured = new ProcessProperties(null, null, null, Duration.ofSeconds(30), null, null, null,
                Duration.ofMinutes(7));
        assertThat(configured.messageTtl(ProcessMessage.EMAIL_UNDELIVERABLE)).isEqualTo(Duration.ofSeconds(30));
        assertThat(configured.messageTtl(ProcessMessage.EMAIL_VERIFIED)).isEqualTo(Duration.ofMinutes(7));
    }
}
