package org.csonline.onboarding.support;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Who runs the service: names used in pages and emails, and where the service is reached. */
@ConfigurationProperties("cso.council")
public record CouncilProperties(String name, String accountBrand, String portalName, String baseUrl) {
}
