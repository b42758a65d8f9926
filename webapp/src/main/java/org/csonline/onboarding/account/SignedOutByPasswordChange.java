package org.csonline.onboarding.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.audit.AuditEvent;
import org.csonline.onboarding.audit.AuditLog;
import org.csonline.onboarding.web.ApplicantSession;
import org.csonline.onboarding.web.ClientAddress;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A password reset signs the account out everywhere else: a session signed in before the password changed ends on
 * its next request, and the sign-in page says why. Someone who knew the old password keeps no way in.
 */
@Component
class SignedOutByPasswordChange implements HandlerInterceptor {

    private final ApplicantSession session;
    private final AccountRepository accounts;
    private final AuditLog audit;

    SignedOutByPasswordChange(ApplicantSession session, AccountRepository accounts, AuditLog audit) {
        this.session = session;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (request.getSession(false) == null || session.signedInAccountId().isEmpty()) {
            return true;
        }
        UUID account = session.signedInAccountId().get();
        if (!signedInBeforePasswordChange(session.signedInAt(), accounts.credentialsChangedAt(account))) {
            return true;
        }
        request.getSession().invalidate();
        audit.record(AuditEvent.SIGNED_OUT_BY_PASSWORD_CHANGE.byAccount(account).from(ClientAddress.of(request)));
        response.sendRedirect(request.getContextPath() + "/sign-in?passwordChanged");
        return false;
    }

    static boolean signedInBeforePasswordChange(Optional<Instant> signedInAt, Optional<Instant> changedAt) {
        return changedAt.isPresent() && signedInAt.map(at -> at.isBefore(changedAt.get())).orElse(true);
    }
}
