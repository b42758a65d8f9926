package org.csonline.onboarding.process;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox's settings, and scheduling for the stuck-onboarding check. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ProcessCommandProperties.class, StuckCheckProperties.class})
class ProcessCommandConfiguration {
}
