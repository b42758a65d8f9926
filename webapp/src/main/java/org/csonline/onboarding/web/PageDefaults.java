package org.csonline.onboarding.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.csonline.onboarding.support.CouncilProperties;
import org.csonline.onboarding.support.SecurityProperties;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs, so a controller adds only what is its own. */
@ControllerAdvice
class PageDefaults {

    private final CouncilProperties council;
    private final SecurityProperties limits;
    private final ApplicantSession session;

    PageDefaults(CouncilProperties council, SecurityProperties limits, ApplicantSession session) {
        this.council = council;
        this.limits = limits;
        this.session = session;
    }

    /** Code lifetimes and tries, so pages say how long a code lasts. */
    @ModelAttribute("limits")
    SecurityProperties limits() {
        return limits;
    }

    /** "Sign out" in the header of every applicant page while there is something to sign out of. */
    @ModelAttribute("applicantSignOut")
    boolean applicantSignOut(HttpServletRequest request) {
        return !staffPage(request) && request.getSession(false) != null && session.active();
    }

    /** Staff pages share the layout but not the applicant's header and footer links. */
    @ModelAttribute("staffPage")
    boolean staffPage(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/staff");
    }

    @ModelAttribute("council")
    CouncilProperties council() {
        return council;
    }

    @ModelAttribute("errors")
    FormErrors errors() {
        return FormErrors.none();
    }

    @ModelAttribute("form")
    Map<String, String> form() {
        return new HashMap<>();
    }

    /** The same defaults for pages rendered by exception handlers, which model attribute methods do not reach. */
    void addTo(Model model, HttpServletRequest request) {
        model.addAttribute("limits", limits());
        model.addAttribute("applicantSignOut", applicantSignOut(request));
        model.addAttribute("staffPage", staffPage(request));
        model.addAttribute("council", council());
        model.addAttribute("errors", errors());
        model.addAttribute("form", form());
    }
}
