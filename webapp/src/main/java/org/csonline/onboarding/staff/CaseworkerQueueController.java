package org.csonline.onboarding.staff;

import java.time.Clock;
import java.util.UUID;
import org.csonline.onboarding.onboarding.Onboarding;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Mark as done" on the staff home's queue (under /staff/onboardings, so for caseworkers and managers). */
@Controller
class CaseworkerQueueController {

    private final CaseworkerQueue queue;
    private final OnboardingRepository onboardings;
    private final Messages messages;
    private final Clock clock;

    CaseworkerQueueController(CaseworkerQueue queue, OnboardingRepository onboardings, Messages messages,
            Clock clock) {
        this.queue = queue;
        this.onboardings = onboardings;
        this.messages = messages;
        this.clock = clock;
    }

    @PostMapping("/staff/onboardings/{id}/queue/{kind}/done")
    String markDone(@PathVariable UUID id, @PathVariable CaseworkerQueue.Kind kind, Authentication user,
            RedirectAttributes redirect) {
        Onboarding onboarding = onboardings.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!StaffRoles.isManager(user) && !onboarding.caseworker().equals(user.getName())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!kind.canBeMarkedDone()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        queue.markDone(id, kind, user.getName(), clock.instant());
        redirect.addFlashAttribute("notice", messages.text("staff.queue.markedDone", onboarding.recordName()));
        return "redirect:/staff";
    }
}
