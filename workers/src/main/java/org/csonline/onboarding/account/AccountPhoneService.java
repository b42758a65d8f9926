package org.csonline.onboarding.account;

import java.util.UUID;
import org.csonline.onboarding.audit.AuditEvent;
import org.csonline.onboarding.audit.AuditLog;
import org.springframework.stereotype.Service;

/**
 * The phone an account signs in with, after sign-up: staff remove a lost one ("I no longer have this phone"), and
 * the applicant registers a new one at their next sign-in. Both are in the audit log, with who did it.
 */
@Service
public class AccountPhoneService {

    private final AccountRepository accounts;
    private final AuditLog audit;

    public AccountPhoneService(AccountRepository accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    /**
     * Staff, after checking who the applicant is: the account has no phone until its owner registers a new one at
     * sign-in. False if it had none already (nothing to remove, nothing logged).
     */
    public boolean removePhone(UUID accountId, String staffUsername, String clientAddress) {
        boolean removed = accounts.removePhone(accountId);
        if (removed) {
            audit.record(AuditEvent.PHONE_REMOVED.by("staff:" + staffUsername).account(accountId).from(clientAddress));
        }
        return removed;
    }

    /**
     * The applicant, signed in with their password and holding the code sent to the new number: only an account
     * without a phone takes one here, so this cannot replace a phone that staff did not remove.
     */
    public boolean registerPhone(UUID accountId, String e164, String clientAddress) {
        boolean registered = accounts.registerPhone(accountId, e164);
        if (registered) {
            audit.record(AuditEvent.PHONE_REGISTERED.byAccount(accountId).from(clientAddress).detail("at sign-in"));
        }
        return registered;
    }
}
