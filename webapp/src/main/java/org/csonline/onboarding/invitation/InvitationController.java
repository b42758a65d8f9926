package org.csonline.onboarding.invitation;

import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.web.ApplicantSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Guide step 3's link. Opening it (GET) changes nothing, so a mail scanner that pre-opens links does not use it
 * up; the button on the page (POST) does.
 */
@Controller
class InvitationController {

    private final InvitationService invitations;
    private final ApplicantSession session;

    InvitationController(InvitationService invitations, ApplicantSession session) {
        this.invitations = invitations;
        this.session = session;
    }

    @GetMapping("/invitation/{token}")
    String show(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("state", invitations.inspect(token).name());
        return "applicant/invitation";
    }

    @PostMapping("/invitation/{token}")
    String accept(@PathVariable String token, Model model) {
        Optional<UUID> onboarding = invitations.open(token);
        if (onboarding.isEmpty()) {
            return show(token, model);
        }
        session.startJourney(onboarding.get());
        return "redirect:/sign-in";
    }
}
