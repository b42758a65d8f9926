package org.csonline.onboarding.account;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.audit.AuditEvent;
import org.csonline.onboarding.audit.AuditLog;
import org.csonline.onboarding.web.ApplicantSession;
import org.springframework.stereotype.Component;

/**
 * The end of every sign-in, whichever phone step came before it: a new session id, the account in the session,
 * the audit log, and on to the record confirmation when the sign-in answers an invitation (guide step 4).
 */
@Component
class SignedIn {

    private final ApplicantSession session;
    private final AccountService accountService;
    private final AuditLog audit;
    private final Clock clock;

    SignedIn(ApplicantSession session, AccountService accountService, AuditLog audit, Clock clock) {
        this.session = session;
        this.accountService = accountService;
        this.audit = audit;
        this.clock = clock;
    }

    /** Returns where the applicant goes next. */
    String complete(Account account, HttpServletRequest request, String from) {
        request.changeSessionId();
        session.signedIn(account.id(), clock.instant());
        Optional<UUID> onboarding = session.onboardingId();
        audit.record(AuditEvent.SIGNED_IN.byAccount(account.id()).onboarding(onboarding.orElse(null)).from(from));
        if (onboarding.isPresent() && accountService.linkExistingAccount(onboarding.get(), account.id())) {
            return "redirect:/setup";
        }
        return "redirect:/records";
    }
}
