package org.csonline.onboarding.staff;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Staff who may sign in at /staff. The local profile lists the demo users. */
@ConfigurationProperties("cso.staff")
public record StaffProperties(List<StaffUser> users) {

    public StaffProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * Roles: CASEWORKER, REVIEWER, MANAGER. {@code email} is optional: with it, the user also gets staff notices
     * (reminders, expiries, overdue reviews for managers) by email, not only on the staff pages.
     */
    public record StaffUser(String username, String password, List<String> roles, String email) {

        @Override
        public String toString() {
            return "StaffUser[" + username + ", roles=" + roles + "]";
        }
    }
}
