package org.csonline.onboarding.process;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Durations the process model reads through variables (see bpmn/README.md). */
@ConfigurationProperties("cso.process")
public record ProcessProperties(
        Duration invitationReleaseDelay,
        Duration setupCodeConfirmationPeriod,
        Duration accessReviewPeriod,
        Duration messageTtl) {
}
