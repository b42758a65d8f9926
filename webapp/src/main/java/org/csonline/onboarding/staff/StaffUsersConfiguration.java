package org.csonline.onboarding.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Staff as configured users ({@code cso.staff.users}) with a username and password form: the local profile's demo
 * users, and councils without an identity provider. Off when one is configured, so the two never mix.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OidcProviderCondition.NotConfigured.class)
class StaffUsersConfiguration {

    @Bean
    InMemoryUserDetailsManager staffUsers(StaffProperties staff, PasswordEncoder passwords) {
        return new InMemoryUserDetailsManager(staff.users().stream()
                .map(user -> User.withUsername(user.username())
                        .password(passwords.encode(user.password()))
                        .roles(user.roles().toArray(String[]::new))
                        .build())
                .toList());
    }

    @Bean
    StaffPropertiesDirectory staffDirectory(StaffProperties staff) {
        return new StaffPropertiesDirectory(staff);
    }

    @Bean
    StaffSignIn formSignIn() {
        return new StaffSignIn() {
            @Override
            public void configure(HttpSecurity http) throws Exception {
                http.formLogin(form -> form.loginPage("/staff/sign-in").loginProcessingUrl("/staff/sign-in")
                                .defaultSuccessUrl("/staff", true).failureHandler(StaffUsersConfiguration::signInFailed))
                        .logout(logout -> logout.logoutUrl("/staff/sign-out")
                                .logoutSuccessUrl("/staff/sign-in?signedOut"));
            }

            @Override
            public List<String> formActionOrigins() {
                return List.of();
            }
        };
    }

    /** Back to the sign-in page with the error, keeping the username typed (never the password). */
    private static void signInFailed(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        FlashMap flash = new FlashMap();
        String username = request.getParameter("username");
        flash.put("username", username == null ? "" : username.strip());
        flash.setTargetRequestPath(request.getContextPath() + "/staff/sign-in");
        new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
        response.sendRedirect(request.getContextPath() + "/staff/sign-in?error");
    }
}
