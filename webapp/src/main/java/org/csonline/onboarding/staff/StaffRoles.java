package org.csonline.onboarding.staff;

import org.springframework.security.core.Authentication;

/** Role checks the staff controllers share. */
final class StaffRoles {

    private StaffRoles() {
    }

    static boolean isManager(Authentication user) {
        return has(user, "ROLE_MANAGER");
    }

    static boolean isCaseworker(Authentication user) {
        return has(user, "ROLE_CASEWORKER");
    }

    private static boolean has(Authentication user, String authority) {
        return user != null && user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
    }
}
