package org.csonline.onboarding.staff;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

@Configuration(proxyBeanMethods = false)
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
}
