package org.csonline.onboarding.web;

import java.util.stream.Collectors;
import org.csonline.onboarding.audit.AuditEvent;
import org.csonline.onboarding.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Staff sign-ins go to the same audit log as the applicants' events, as "staff:" and the name the app knows them by:
 * a configured username, or the subject the council's provider gave (stable when their name or email changes). The
 * detail says which staff roles they got, so a sign-in that found no role is easy to explain.
 */
@Component
class StaffSignInAudit {

    private final AuditLog audit;

    StaffSignInAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        Authentication user = event.getAuthentication();
        String roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).sorted()
                .collect(Collectors.joining(","));
        audit.record(AuditEvent.STAFF_SIGNED_IN.by("staff:" + user.getName()).from(address(user.getDetails()))
                .detail(roles.isEmpty() ? "no staff role" : "roles " + roles));
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        audit.record(AuditEvent.STAFF_SIGN_IN_FAILED.by("staff:" + event.getAuthentication().getName())
                .from(address(event.getAuthentication().getDetails()))
                .detail(event.getException().getClass().getSimpleName()));
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
