package org.csonline.onboarding.engine;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.ConfigurableEnvironment;

/** The local profile runs the Zeebe engine inside the app (README, "The local profile"). */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class LocalEngineConfiguration {

    @Bean
    static EmbeddedEngineStarter embeddedEngineStarter(ConfigurableEnvironment environment) {
        return new EmbeddedEngineStarter(environment);
    }
}
