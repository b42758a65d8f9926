package org.csonline.onboarding.staff;

import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * How staff sign in and out: the configured users' form, or the council's OpenID Connect provider. Exactly one
 * exists in an application (docs/adr/003-staff-sign-in.md); the staff pages' security chain applies it.
 */
public interface StaffSignIn {

    /** Sign-in at /staff/sign-in (with its failures) and sign-out at /staff/sign-out. */
    void configure(HttpSecurity http) throws Exception;

    /** Origins, besides the app's own, that a staff page's form may lead to (a provider's sign-out page). */
    List<String> formActionOrigins();
}
