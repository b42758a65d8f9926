package org.csonline.onboarding.staff;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    private final CaseworkerQueue queue;
    private final Clock clock;

    StaffHomeController(Messages messages, CaseworkerQueue queue, Clock clock) {
        this.messages = messages;
        this.queue = queue;
        this.clock = clock;
    }

    /** A queue item as the page shows it: with its age in words. */
    record QueueRow(CaseworkerQueue.Item item, String age) {
    }

    /** After a failed sign-in ({@code ?error}) the error sits on the fields and the username typed stays. */
    @GetMapping("/staff/sign-in")
    String signIn(@RequestParam(required = false) String error, Model model) {
        if (error != null) {
            model.addAttribute("errors", messages.error("username", "staff.signIn.error"));
        }
        Object username = model.getAttribute("username");
        model.addAttribute("form", Map.of("username", username instanceof String u ? u : ""));
        return "staff/sign-in";
    }

    @GetMapping("/staff")
    String home(Authentication user, Model model) {
        if (StaffRoles.isCaseworker(user) || StaffRoles.isManager(user)) {
            boolean manager = StaffRoles.isManager(user);
            List<QueueRow> rows = queue.itemsFor(user.getName(), manager).stream()
                    .map(item -> new QueueRow(item, Age.of(Duration.between(item.since(), clock.instant()), messages)))
                    .toList();
            model.addAttribute("queue", rows);
            model.addAttribute("queueForAll", manager);
        }
        return "staff/home";
    }
}
