package org.csonline.onboarding.staff;

import org.csonline.onboarding.web.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Staff pages sign in as {@link StaffSignIn} says (the configured users' form, or the council's OpenID Connect
 * provider), with CSRF protection and the headers of every page. Every staff page needs one of the staff roles:
 * someone the provider signed in with none of them gets the 403 page, which says to ask their manager.
 */
@Configuration(proxyBeanMethods = false)
class StaffSecurityConfiguration {

    private final StaffSignIn staffSignIn;

    StaffSecurityConfiguration(StaffSignIn staffSignIn) {
        this.staffSignIn = staffSignIn;
    }

    /** Before the applicant pages' chain, which takes every other path. */
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
                .headers(headers -> SecurityHeaders.apply(headers, staffSignIn.formActionOrigins()));
        staffSignIn.configure(http);
        return http.build();
    }
}
