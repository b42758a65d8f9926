package org.csonline.onboarding.web;

import java.util.List;
import org.csonline.onboarding.staff.StaffSignIn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Staff pages sign in as {@link StaffSignIn} says (the configured users' form, or the council's OpenID Connect
 * provider); applicant pages manage their own two-step sign-in in {@link ApplicantSession}. Both get CSRF protection
 * and the same security headers. Every staff page needs one of the staff roles: someone the provider signed in with
 * none of them gets the 403 page, which says to ask their manager.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'self'; object-src 'none'";

    private final StaffSignIn staffSignIn;

    SecurityConfiguration(StaffSignIn staffSignIn) {
        this.staffSignIn = staffSignIn;
    }

    @Bean
    @Order(1)
    SecurityFilterChain staffPages(HttpSecurity http) throws Exception {
        http.securityMatcher("/staff/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/staff/sign-in", "/staff/signed-out").permitAll()
                        .requestMatchers("/staff/onboardings/**").hasRole("CASEWORKER")
                        .requestMatchers("/staff/reviews/**").hasRole("REVIEWER")
                        .requestMatchers("/staff/dashboard", "/staff/dashboard/**").hasRole("MANAGER")
                        .anyRequest().hasAnyRole("CASEWORKER", "REVIEWER", "MANAGER"))
                .headers(headers -> headers(headers, staffSignIn.formActionOrigins()));
        staffSignIn.configure(http);
        return http.build();
    }

    /**
     * Prometheus scrapes with HTTP Basic as a configured staff user with role METRICS (or MANAGER); no session, no
     * CSRF (it only reads). Health stays open for the platform's probes.
     */
    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/prometheus", "/actuator/prometheus/**", "/actuator/metrics/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole("METRICS", "MANAGER"))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers(headers, List.of()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain applicantPages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(Customizer.withDefaults())
                .headers(headers -> headers(headers, List.of()));
        return http.build();
    }

    /**
     * {@code formActionOrigins}: where else a form may lead. Browsers apply form-action to the redirects after a
     * submit too, so signing out, which redirects to the identity provider's sign-out page, needs its origin.
     */
    private static void headers(HeadersConfigurer<HttpSecurity> headers, List<String> formActionOrigins) {
        String policy = formActionOrigins.isEmpty() ? CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY.replace(
                "form-action 'self'", "form-action 'self' " + String.join(" ", formActionOrigins));
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny);
    }
}
