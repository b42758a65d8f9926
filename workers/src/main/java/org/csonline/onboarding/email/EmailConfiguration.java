package org.csonline.onboarding.email;

import org.csonline.onboarding.delivery.ProviderSettings;
import org.csonline.onboarding.outbox.LocalOutbox;
import org.csonline.onboarding.support.CouncilProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** SendGrid when SENDGRID_API_KEY (and a sender) is set, else the local outbox. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SendGridProperties.class)
class EmailConfiguration {

    @Bean
    EmailSender emailSender(SendGridProperties sendGrid, CouncilProperties council, LocalOutbox outbox,
            Environment environment) {
        return ProviderSettings.use("SendGrid", sendGrid.required(), environment)
                ? new SendGridEmailSender(sendGrid, council)
                : new LocalOutboxEmailSender(outbox);
    }
}
