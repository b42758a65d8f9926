package org.csonline.onboarding.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.csonline.onboarding.StartupFailure;
import org.csonline.onboarding.audit.AuditEvent;
import org.csonline.onboarding.audit.AuditLog;
import org.csonline.onboarding.web.ClientAddress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/**
 * Staff sign in with the council's OpenID Connect provider (Spring Security's OAuth2 login) when
 * {@code cso.staff.oidc.issuer-uri} is set. Configured users and their password form are then off; configuring both
 * stops the app at start, so a forgotten demo or break-glass account cannot sit beside the provider unnoticed.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OidcProviderCondition.Configured.class)
class StaffOidcConfiguration {

    static final String AUTHORIZATION_BASE = "/staff/oauth2/authorization";
    static final String SIGNED_OUT = "/staff/sign-in?signedOut";
    /**
     * Where the provider sends staff after its sign-out: registered with the provider, so a plain path (Entra ID
     * takes post-logout addresses from the app's redirect URIs, and some providers refuse a query in those).
     */
    static final String SIGNED_OUT_RETURN = "/staff/signed-out";

    private final StaffProperties.Oidc oidc;

    StaffOidcConfiguration(StaffProperties staff) {
        this.oidc = staff.oidc();
        if (!staff.users().isEmpty()) {
            throw new StartupFailure("Staff sign-in is configured twice: cso.staff.oidc.issuer-uri names an identity "
                    + "provider and cso.staff.users lists " + staff.users().size() + " user(s). Use one: remove the "
                    + "users (for the local profile's demo users, set CSO_STAFF_USERS to empty) or the issuer. "
                    + "See docs/staff-sign-in.md.", null);
        }
        if (oidc.clientId() == null || oidc.clientId().isBlank()) {
            throw new StartupFailure("cso.staff.oidc.issuer-uri is set but cso.staff.oidc.client-id "
                    + "(CSO_STAFF_OIDC_CLIENT_ID) is not. See docs/staff-sign-in.md.", null);
        }
    }

    @Bean
    ClientRegistrationRepository councilProvider() {
        return new DiscoveredClientRegistration(oidc);
    }

    @Bean
    StaffMembers staffDirectory(JdbcClient jdbc, Clock clock) {
        return new StaffMembers(jdbc, clock);
    }

    @Bean
    StaffSignIn oidcSignIn(ClientRegistrationRepository provider, StaffMembers members, AuditLog audit) {
        StaffOidcUserService users = new StaffOidcUserService(oidc, members);
        // Sign-out ends the app's session, then sends the browser to the provider's end_session_endpoint (when its
        // discovery document has one) to end the provider's session too, and back to our sign-in page.
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(provider);
        signedOut.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT_RETURN);
        signedOut.setDefaultTargetUrl(SIGNED_OUT);
        return new StaffSignIn() {
            @Override
            public void configure(HttpSecurity http) throws Exception {
                http.oauth2Login(login -> login.loginPage("/staff/sign-in")
                                .clientRegistrationRepository(provider)
                                // In the session, not in memory: the next instance serves the next request.
                                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                                .authorizationEndpoint(endpoint -> endpoint.baseUri(AUTHORIZATION_BASE))
                                .redirectionEndpoint(endpoint -> endpoint.baseUri("/staff/oauth2/code/*"))
                                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(users))
                                // Back to the staff page asked for (a link in a notice email), else staff home.
                                .defaultSuccessUrl("/staff")
                                .failureHandler((request, response, e) -> signInFailed(audit, request, response, e)))
                        .logout(logout -> logout.logoutUrl("/staff/sign-out").logoutSuccessHandler(signedOut));
            }

            @Override
            public List<String> formActionOrigins() {
                return List.of(oidc.issuerOrigin());
            }
        };
    }

    /**
     * A sign-in the provider or our checks refused (a bad or expired ID token, a replayed or forged callback, the
     * provider unreachable): audited with the OAuth error code, then the sign-in page says so.
     */
    private static void signInFailed(AuditLog audit, HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        String code = e instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode()
                : e.getClass().getSimpleName();
        audit.record(AuditEvent.STAFF_SIGN_IN_FAILED.by("staff:unknown").from(ClientAddress.of(request))
                .detail("OIDC " + code));
        response.sendRedirect(request.getContextPath() + "/staff/sign-in?error");
    }
}
