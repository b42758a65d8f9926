package org.csonline.onboarding.staff;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.csonline.onboarding.process.ProcessCommandRelay;
import org.csonline.onboarding.process.ProcessCommandStore;
import org.csonline.onboarding.process.StuckOnboardingCheck;
import org.csonline.onboarding.web.Messages;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** /staff: sign-in, then links to the caseworker and reviewer pages the user's roles allow. */
@Controller
class StaffHomeController {

    private final Messages messages;
    private final StaffProperties.Oidc oidc;
    private final ProcessCommandStore commands;
    private final ProcessCommandRelay relay;
    private final StuckOnboardingCheck stuckCheck;
    private final Clock clock;

    StaffHomeController(Messages messages, StaffProperties staff, ProcessCommandStore commands,
            ProcessCommandRelay relay, StuckOnboardingCheck stuckCheck, Clock clock) {
        this.messages = messages;
        this.oidc = staff.oidc();
        this.commands = commands;
        this.relay = relay;
        this.stuckCheck = stuckCheck;
        this.clock = clock;
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
    String home(Authentication user, Model model) {
        if (user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_MANAGER"))) {
            model.addAttribute("engineLink", engineLink());
            model.addAttribute("stuck", stuckCheck.find());
        }
        return "staff/home";
    }

    /** For managers: process commands that have not reached the engine yet (the engine away or slow). */
    private EngineLink engineLink() {
        ProcessCommandStore.Backlog backlog = commands.backlog();
        long oldestMinutes = backlog.oldestAt() == null ? 0
                : Duration.between(backlog.oldestAt(), clock.instant()).toMinutes();
        return new EngineLink(backlog.pending(), oldestMinutes, relay.contact().failing());
    }

    /** What the managers' panel on the staff home shows. */
    record EngineLink(int waiting, long oldestMinutes, boolean engineFailing) {
    }
}
