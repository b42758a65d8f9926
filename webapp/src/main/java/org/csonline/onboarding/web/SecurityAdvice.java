package org.csonline.onboarding.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.csonline.onboarding.audit.AuditEvent;
import org.csonline.onboarding.audit.AuditLog;
import org.csonline.onboarding.ratelimit.RateLimitedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A rate limit hit becomes a friendly page (HTTP 429) that says when to try again, and a line in the audit log. */
@ControllerAdvice
class SecurityAdvice {

    private final AuditLog audit;
    private final ApplicantSession session;
    private final PageDefaults defaults;

    SecurityAdvice(AuditLog audit, ApplicantSession session, PageDefaults defaults) {
        this.audit = audit;
        this.session = session;
        this.defaults = defaults;
    }

    @ExceptionHandler(RateLimitedException.class)
    String rateLimited(RateLimitedException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        audit.record(AuditEvent.RATE_LIMITED.by(session.actor()).onboarding(session.onboardingId().orElse(null))
                .account(session.signedInAccountId().orElse(null)).from(ClientAddress.of(request))
                .detail(e.action().name()));
        defaults.addTo(model, request);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        model.addAttribute("minutes", e.retryAfterMinutes());
        return "applicant/rate-limited";
    }
}
