package org.csonline.onboarding.recovery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The stuck-onboarding check ({@link StuckOnboardingCheck}).
 *
 * @param interval how often it looks (and sends missing steps again)
 * @param after    how long the database and the timeline may disagree, with nothing happening, before it counts
 */
@ConfigurationProperties("cso.stuck-check")
public record StuckCheckProperties(Duration interval, Duration after) {

    public StuckCheckProperties {
        interval = interval == null ? Duration.ofMinutes(5) : interval;
        after = after == null ? Duration.ofMinutes(15) : after;
    }
}
