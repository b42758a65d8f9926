package org.csonline.onboarding.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.csonline.onboarding.outbox.LocalOutbox;
import org.csonline.onboarding.support.CouncilProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which email sender the app builds from its settings, and when it refuses to start. */
class ProviderChoiceTest {

    final ApplicationContextRunner app = new ApplicationContextRunner()
            .withUserConfiguration(EmailConfiguration.class)
            .withBean(CouncilProperties.class, () -> new CouncilProperties("Norfolk County Council", "My Norfolk",
                    "Children's Services Online", "https://x"))
            .withBean(LocalOutbox.class, () -> new LocalOutbox(null, Clock.systemUTC()));

    @Test
    void withoutAKeyInTheLocalProfileEmailGoesToTheLocalOutbox() {
        app.withInitializer(context -> context.getEnvironment().setActiveProfiles("local"))
                .run(context -> assertThat(context.getBean(EmailSender.class))
                        .isInstanceOf(LocalOutboxEmailSender.class));
    }

    /** Outside the local profile nobody can read the outbox: the app must not start and swallow every email. */
    @Test
    void withoutAKeyOutsideTheLocalProfileTheAppRefusesToStartNamingTheSettings() {
        app.withInitializer(context -> context.getEnvironment().setActiveProfiles("camunda"))
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("SendGrid is not configured")
                        .hasMessageContaining("SENDGRID_API_KEY, SENDGRID_FROM_EMAIL"));
    }

    @Test
    void withKeyAndSenderEmailGoesToSendGrid() {
        app.withPropertyValues("cso.sendgrid.api-key=SG.key", "cso.sendgrid.from-email=noreply@norfolk.example")
                .run(context -> assertThat(context.getBean(EmailSender.class)).isInstanceOf(SendGridEmailSender.class));
    }

    @Test
    void aKeyWithoutASenderStopsTheAppOutsideTheLocalProfile() {
        app.withPropertyValues("cso.sendgrid.api-key=SG.key")
                .withInitializer(context -> context.getEnvironment().setActiveProfiles("camunda"))
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("SendGrid is half configured: SENDGRID_FROM_EMAIL missing"));
    }

    @Test
    void aKeyWithoutASenderInTheLocalProfileUsesTheOutbox() {
        app.withPropertyValues("cso.sendgrid.api-key=SG.key")
                .withInitializer(context -> context.getEnvironment().setActiveProfiles("local"))
                .run(context -> assertThat(context.getBean(EmailSender.class))
                        .isInstanceOf(LocalOutboxEmailSender.class));
    }
}
