package org.csonline.onboarding.staff;

import java.util.Map;
import org.csonline.onboarding.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** /staff: sign-in, then links to the caseworker and reviewer pages the user's roles allow. */
@Controller
class StaffHomeController {

    private final Messages messages;
    private final StaffProperties.Oidc oidc;

    StaffHomeController(Messages messages, StaffProperties staff) {
        this.messages = messages;
        this.oidc = staff.oidc();
    }

    /**
     * With the council's provider: a button that goes there (never straight there: after signing out, staff would
     * be signed in again at once). Otherwise the username and password form; after a failed sign-in
     * ({@code ?error}) the error sits on the fields and the username typed stays.
     */
    @GetMapping("/staff/sign-in")
    String signIn(@RequestParam(required = false) String error, Model model) {
        if (oidc.configured()) {
            if (error != null) {
                model.addAttribute("errors", messages.error("provider-sign-in", "staff.signIn.providerError"));
            }
            model.addAttribute("providerName", oidc.providerName());
            model.addAttribute("providerSignIn", StaffOidcConfiguration.AUTHORIZATION_BASE + "/"
                    + DiscoveredClientRegistration.REGISTRATION_ID);
            return "staff/sign-in-provider";
        }
        if (error != null) {
            model.addAttribute("errors", messages.error("username", "staff.signIn.error"));
        }
        Object username = model.getAttribute("username");
        model.addAttribute("form", Map.of("username", username instanceof String u ? u : ""));
        return "staff/sign-in";
    }

    /** Back from the provider's sign-out page. */
    @GetMapping(StaffOidcConfiguration.SIGNED_OUT_RETURN)
    String signedOut() {
        return "redirect:" + StaffOidcConfiguration.SIGNED_OUT;
    }

    @GetMapping("/staff")
    String home() {
        return "staff/home";
    }
}
