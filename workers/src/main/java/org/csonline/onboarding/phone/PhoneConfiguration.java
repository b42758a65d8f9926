package org.csonline.onboarding.phone;

import java.time.Clock;
import org.csonline.onboarding.delivery.ProviderSettings;
import org.csonline.onboarding.outbox.LocalOutbox;
import org.csonline.onboarding.support.CouncilProperties;
import org.csonline.onboarding.support.Secrets;
import org.csonline.onboarding.support.SecurityProperties;
import org.csonline.onboarding.support.Upserts;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Twilio Verify when TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_VERIFY_SERVICE_SID are set, else local. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TwilioProperties.class)
class PhoneConfiguration {

    @Bean
    PhoneVerification phoneVerification(TwilioProperties twilio, Environment environment, JdbcClient jdbc,
            Upserts upserts, Secrets secrets, SecurityProperties limits, LocalOutbox outbox, CouncilProperties council,
            Clock clock) {
        return ProviderSettings.use("Twilio Verify", twilio.required(), environment)
                ? new TwilioPhoneVerification(twilio)
                : new LocalPhoneVerification(jdbc, upserts, secrets, limits, outbox, council, clock);
    }
}
