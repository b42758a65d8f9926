package org.csonline.onboarding.web;

import org.csonline.onboarding.support.CouncilProperties;
import org.csonline.onboarding.support.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} of one controller needs around it to render real pages: the layout's defaults and the
 * page text. The test mocks {@link ApplicantSession} and the controller's services; no engine, no database.
 */
@Configuration(proxyBeanMethods = false)
@Import({PageDefaults.class, Messages.class})
@EnableConfigurationProperties({CouncilProperties.class, SecurityProperties.class})
public class PageSlice {
}
