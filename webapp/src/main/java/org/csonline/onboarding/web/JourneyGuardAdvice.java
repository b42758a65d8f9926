package org.csonline.onboarding.web;

import jakarta.servlet.http.HttpServletRequest;
import org.csonline.onboarding.audit.AuditEvent;
import org.csonline.onboarding.audit.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

@ControllerAdvice
class JourneyGuardAdvice {

    private final AuditLog audit;
    private final PageDefaults defaults;

    JourneyGuardAdvice(AuditLog audit, PageDefaults defaults) {
        this.audit = audit;
        this.defaults = defaults;
    }

    @ExceptionHandler(JourneyGuard.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String noJourney(HttpServletRequest request, Model model) {
        defaults.addTo(model, request);
        audit.record(AuditEvent.ACCESS_REFUSED.from(ClientAddress.of(request)).detail(request.getRequestURI()));
        return "applicant/no-journey";
    }
}
