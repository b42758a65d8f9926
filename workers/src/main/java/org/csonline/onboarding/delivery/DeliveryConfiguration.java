package org.csonline.onboarding.delivery;

import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

    /** Replaces the Camunda SDK's default (which it only creates when no such bean exists). */
    @Bean
    JobExceptionHandlingStrategy jobExceptionHandlingStrategy(CommandExceptionHandlingStrategy commands,
            MetricsRecorder metrics, DeliveryProperties properties, StuckSteps stuckSteps) {
        return new DeliveryFailureHandling(new DefaultJobExceptionHandlingStrategy(commands, metrics), properties,
                stuckSteps);
    }
}
