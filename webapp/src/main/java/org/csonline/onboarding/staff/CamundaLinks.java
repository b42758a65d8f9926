package org.csonline.onboarding.staff;

import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where staff reach Camunda's web apps, as their browser sees them; empty: the staff pages show no links (the local
 * profile has no Operate or Tasklist).
 *
 * @param operateUrl  Operate, e.g. http://localhost:8088/operate
 * @param tasklistUrl Tasklist, e.g. http://localhost:8088/tasklist
 */
@ConfigurationProperties("cso.camunda")
public record CamundaLinks(String operateUrl, String tasklistUrl) {

    /** Operate's page of one process instance: its diagram, variables and incidents. */
    public Optional<String> operateInstance(long processInstanceKey) {
        return base(operateUrl).map(url -> url + "/processes/" + processInstanceKey);
    }

    /** Tasklist, where a caseworker's or reviewer's open tasks are listed (their groups decide which). */
    public Optional<String> tasklist() {
        return base(tasklistUrl);
    }

    private static Optional<String> base(String url) {
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.strip().replaceAll("/+$", ""));
    }
}
