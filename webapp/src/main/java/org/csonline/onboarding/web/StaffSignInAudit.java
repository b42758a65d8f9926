package org.csonline.onboarding.web;

import org.csonline.onboarding.audit.AuditEvent;
import org.csonline.onboarding.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Staff sign-ins (Spring Security form login) go to the same audit log as the applicants' events. */
@Component
class StaffSignInAudit {

    private final AuditLog audit;

    StaffSignInAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        audit.record(AuditEvent.STAFF_SIGNED_IN, "staff:" + event.getAuthentication().getName(), null, null,
                address(event.getAuthentication().getDetails()), null);
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        audit.record(AuditEvent.STAFF_SIGN_IN_FAILED, "staff:" + event.getAuthentication().getName(), null, null,
                address(event.getAuthentication().getDetails()), event.getException().getClass().getSimpleName());
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
