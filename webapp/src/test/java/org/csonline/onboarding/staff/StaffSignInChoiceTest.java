package org.csonline.onboarding.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.csonline.onboarding.StartupFailure;
import org.csonline.onboarding.audit.AuditLog;
import org.csonline.onboarding.notice.StaffDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** Configured users or the council's provider: exactly one, and never both by accident. */
class StaffSignInChoiceTest {

    static class Collaborators {
        @Bean
        PasswordEncoder passwords() {
            return PasswordEncoderFactories.createDelegatingPasswordEncoder();
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        JdbcClient jdbc() {
            return org.mockito.Mockito.mock(JdbcClient.class);
        }

        @Bean
        AuditLog audit() {
            return org.mockito.Mockito.mock(AuditLog.class);
        }
    }

    @EnableConfigurationProperties(StaffProperties.class)
    static class Properties {
    }

    final ApplicationContextRunner app = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, Collaborators.class, StaffUsersConfiguration.class,
                    StaffOidcConfiguration.class);

    @Test
    void configuredUsersSignInWithTheFormWhenNoProviderIsSet() {
        app.withPropertyValues("cso.staff.users[0].username=jo", "cso.staff.users[0].password=pw",
                        "cso.staff.users[0].roles[0]=CASEWORKER", "cso.staff.oidc.issuer-uri=")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(InMemoryUserDetailsManager.class)
                            .hasSingleBean(StaffSignIn.class).doesNotHaveBean(ClientRegistrationRepository.class);
                    assertThat(context.getBean(StaffDirectory.class)).isInstanceOf(StaffPropertiesDirectory.class);
                    assertThat(context.getBean(StaffSignIn.class).formActionOrigins()).isEmpty();
                });
    }

    @Test
    void aProviderTurnsTheConfiguredUsersAndTheirFormOff() {
        app.withPropertyValues("cso.staff.oidc.issuer-uri=https://login.example.org/tenant/v2.0",
                        "cso.staff.oidc.client-id=cso")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(InMemoryUserDetailsManager.class)
                            .hasSingleBean(StaffSignIn.class).hasSingleBean(ClientRegistrationRepository.class);
                    assertThat(context.getBean(StaffDirectory.class)).isInstanceOf(StaffMembers.class);
                    // Sign-out redirects to the provider: the staff pages' form-action policy must allow it.
                    assertThat(context.getBean(StaffSignIn.class).formActionOrigins())
                            .containsExactly("https://login.example.org");
                });
    }

    @Test
    void refusesToStartWithBothUsersAndAProvider() {
        app.withPropertyValues("cso.staff.oidc.issuer-uri=https://login.example.org/tenant/v2.0",
                        "cso.staff.oidc.client-id=cso", "cso.staff.users[0].username=caseworker",
                        "cso.staff.users[0].password=demo", "cso.staff.users[0].roles[0]=CASEWORKER")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().isInstanceOf(StartupFailure.class)
                        .hasMessageContaining("Staff sign-in is configured twice")
                        .hasMessageContaining("CSO_STAFF_USERS"));
    }

    @Test
    void refusesToStartWithAProviderButNoClientId() {
        app.withPropertyValues("cso.staff.oidc.issuer-uri=https://login.example.org/tenant/v2.0")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(StartupFailure.class).hasMessageContaining("CSO_STAFF_OIDC_CLIENT_ID"));
    }
}
