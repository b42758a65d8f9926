package org.csonline.onboarding.web;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Applicant pages manage their own two-step sign-in in {@link ApplicantSession}, with CSRF protection and the
 * security headers every page gets; the staff pages' chain is the staff feature's own, and metrics need a staff
 * user with role METRICS.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

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
                .headers(headers -> SecurityHeaders.apply(headers, List.of()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain applicantPages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(Customizer.withDefaults())
                .headers(headers -> SecurityHeaders.apply(headers, List.of()));
        return http.build();
    }
}
