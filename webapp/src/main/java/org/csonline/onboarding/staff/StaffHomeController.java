package org.csonline.onboarding.staff;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.csonline.onboarding.notice.StaffDirectory;
import org.csonline.onboarding.process.ProcessCommandRelay;
import org.csonline.onboarding.process.ProcessCommandStore;
import org.csonline.onboarding.recovery.StuckOnboardingCheck;
import org.csonline.onboarding.web.Messages;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * /staff: sign-in, then links to the pages the user's roles allow and, for caseworkers, the queue of what needs
 * them now.
 */
@Controller
class StaffHomeController {

    private final Messages messages;
    private final StaffProperties.Oidc oidc;
    private final CaseworkerQueue queue;
    private final StaffDirectory members;
    private final ProcessCommandStore commands;
    private final ProcessCommandRelay relay;
    private final StuckOnboardingCheck stuckCheck;
    private final Clock clock;

    StaffHomeController(Messages messages, StaffProperties staff, CaseworkerQueue queue, StaffDirectory members,
            ProcessCommandStore commands, ProcessCommandRelay relay, StuckOnboardingCheck stuckCheck, Clock clock) {
        this.messages = messages;
        this.oidc = staff.oidc();
        this.queue = queue;
        this.members = members;
        this.commands = commands;
        this.relay = relay;
        this.stuckCheck = stuckCheck;
        this.clock = clock;
    }

    /** A queue item as the page shows it: with its age in words and, for managers, the caseworker's name. */
    record QueueRow(CaseworkerQueue.Item item, String age, String caseworkerName) {
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
        if (StaffRoles.isManager(user)) {
            model.addAttribute("engineLink", engineLink());
            model.addAttribute("stuck", stuckCheck.find());
        }
        if (StaffRoles.isCaseworker(user) || StaffRoles.isManager(user)) {
            boolean manager = StaffRoles.isManager(user);
            Map<String, String> names = new HashMap<>();
            List<QueueRow> rows = queue.itemsFor(user.getName(), manager).stream()
                    .map(item -> new QueueRow(item, Age.of(Duration.between(item.since(), clock.instant()), messages),
                            manager ? names.computeIfAbsent(item.caseworker(), members::displayNameOf) : null))
                    .toList();
            model.addAttribute("queue", rows);
            model.addAttribute("queueForAll", manager);
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
