package org.csonline.onboarding.staff;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * "Signed in as" on staff pages: the name the council's provider gave, not the subject the app knows them by (a
 * configured user's username is both).
 */
@ControllerAdvice(basePackageClasses = StaffNameAdvice.class)
class StaffNameAdvice {

    @ModelAttribute("staffName")
    String staffName(Authentication user) {
        if (user == null) {
            return null;
        }
        return user.getPrincipal() instanceof StaffOidcUser oidc ? oidc.displayName() : user.getName();
    }
}
