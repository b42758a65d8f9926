package org.csonline.onboarding.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessPropertiesTest {

    /** How long the Camunda client lets a worker hold a job before the engine hands it to another (its default). */
    private static final Duration CAMUNDA_JOB_TIMEOUT = Duration.ofMinutes(5);

    @Test
    void aMessageOutlivesAJobTakenOverAfterItsTimeout() {
        ProcessProperties defaults = new ProcessProperties(Duration.ofDays(2), Duration.ofDays(28), Duration.ofDays(3),
                null, null, null, null);
        assertThat(defaults.messageTtl()).isGreaterThan(CAMUNDA_JOB_TIMEOUT);
    }

    @Test
    void theTtlCanBeConfigured() {
        ProcessProperties configured = new ProcessProperties(null, null, null, Duration.ofMinutes(7), null, null, null);
        assertThat(configured.messageTtl()).isEqualTo(Duration.ofMinutes(7));
    }
}
