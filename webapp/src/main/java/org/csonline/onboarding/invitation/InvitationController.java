package org.csonline.onboarding.invitation;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.csonline.onboarding.audit.AuditEvent;
import org.csonline.onboarding.audit.AuditLog;
import org.csonline.onboarding.ratelimit.RateLimitedAction;
import org.csonline.onboarding.ratelimit.RateLimiter;
import org.csonline.onboarding.web.ClientAddress;
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
    private final RateLimiter rateLimiter;
    private final AuditLog audit;

    InvitationController(InvitationService invitations, ApplicantSession session, RateLimiter rateLimiter,
            AuditLog audit) {
        this.invitations = invitations;
        this.session = session;
        this.rateLimiter = rateLimiter;
        this.audit = audit;
    }

    @GetMapping("/invitation/{token}")
    String show(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("state", invitations.inspect(token).name());
        return "applicant/invitation";
    }

    @PostMapping("/invitation/{token}")
    String accept(@PathVariable String token, HttpServletRequest request, Model model) {
        rateLimiter.check(RateLimitedAction.INVITATION_OPEN, null, ClientAddress.of(request));
        // The browser's place is saved before the link is used up: the database failing in between leaves the link
        // usable (the page says "try again shortly"), never used up by a browser that does not know it.
        Optional<UUID> valid = invitations.validOnboarding(token);
        if (valid.isPresent()) {
            session.startJourney(valid.get());
            session.saveNow(request.getSession());
        }
        Optional<UUID> onboarding = invitations.open(token);
        if (onboarding.isEmpty()) {
            audit.record(AuditEvent.INVITATION_REFUSED.from(ClientAddress.of(request))
                    .detail(invitations.inspect(token).name()));
            return show(token, model);
        }
        audit.record(AuditEvent.INVITATION_OPENED.by("onboarding:" + onboarding.get()).onboarding(onboarding.get())
                .from(ClientAddress.of(request)));
        session.startJourney(onboarding.get());
        return "redirect:/sign-in";
    }
}
