package org.csonline.onboarding.onboarding;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Onboardings started from Camunda Tasklist's start form.
 *
 * @param detailsPeriod how long the caseworker has to enter the applicant's details on the staff page; the
 *                      Tasklist start is discarded after it
 */
@ConfigurationProperties("cso.tasklist-start")
public record TasklistStartProperties(Duration detailsPeriod) {

    public TasklistStartProperties {
        detailsPeriod = detailsPeriod == null ? Duration.ofDays(7) : detailsPeriod;
    }
}
