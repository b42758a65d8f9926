package org.csonline.onboarding.web;

import jakarta.servlet.http.HttpServletRequest;
import org.csonline.onboarding.audit.AuditEvent;
import org.csonline.onboarding.audit.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

@ControllerAdvice
class JourneyGuardAdvice {

    private final AuditLog audit;

    JourneyGuardAdvice(AuditLog audit) {
        this.audit = audit;
    }

    @ExceptionHandler(JourneyGuard.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String noJourney(HttpServletRequest request) {
        audit.record(AuditEvent.ACCESS_REFUSED, null, null, null, ClientAddress.of(request), request.getRequestURI());
        return "applicant/no-journey";
    }
}
