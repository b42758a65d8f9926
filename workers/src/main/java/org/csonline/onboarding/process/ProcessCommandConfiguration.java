package org.csonline.onboarding.process;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The process's timings, the outbox's settings, and scheduling for the relay. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ProcessProperties.class, ProcessCommandProperties.class})
class ProcessCommandConfiguration {
}
