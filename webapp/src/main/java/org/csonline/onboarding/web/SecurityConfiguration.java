package org.csonline.onboarding.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Staff pages sign in with Spring Security's form login; applicant pages manage their own two-step sign-in in
 * {@link ApplicantSession}. Both get CSRF protection and the same security headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'self'; object-src 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain staffPages(HttpSecurity http) throws Exception {
        http.securityMatcher("/staff/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/staff/sign-in").permitAll()
                        .requestMatchers("/staff/onboardings/**").hasRole("CASEWORKER")
                        .requestMatchers("/staff/reviews/**").hasRole("REVIEWER")
                        .requestMatchers("/staff/dashboard", "/staff/dashboard/**").hasRole("MANAGER")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/staff/sign-in").loginProcessingUrl("/staff/sign-in")
                        .defaultSuccessUrl("/staff", true).failureHandler(SecurityConfiguration::staffSignInFailed))
                .logout(logout -> logout.logoutUrl("/staff/sign-out").logoutSuccessUrl("/staff/sign-in?signedOut"))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    /**
     * Prometheus scrapes with HTTP Basic as a staff user with role METRICS (or MANAGER); no session, no CSRF (it only
     * reads). Health stays open for the platform's probes.
     */
    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/prometheus", "/actuator/prometheus/**", "/actuator/metrics/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole("METRICS", "MANAGER"))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain applicantPages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(Customizer.withDefaults())
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    /** Back to the sign-in page with the error, keeping the username typed (never the password). */
    private static void staffSignInFailed(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        FlashMap flash = new FlashMap();
        String username = request.getParameter("username");
        flash.put("username", username == null ? "" : username.strip());
        flash.setTargetRequestPath(request.getContextPath() + "/staff/sign-in");
        new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
        response.sendRedirect(request.getContextPath() + "/staff/sign-in?error");
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny);
    }
}
