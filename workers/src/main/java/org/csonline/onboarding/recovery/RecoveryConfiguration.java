package org.csonline.onboarding.recovery;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StuckCheckProperties.class)
class RecoveryConfiguration {
}
