package org.csonline.onboarding.account;

import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The first factor of every applicant sign-in, with the growing lockout. A locked address is refused before any
 * password is checked, so guessing goes no faster; unknown addresses are counted and locked the same way.
 */
@Service
public class SignInService {

    private final AccountService accounts;
    private final SignInLockout lockout;

    public SignInService(AccountService accounts, SignInLockout lockout) {
        this.accounts = accounts;
        this.lockout = lockout;
    }

    public SignInResult checkPassword(String email, String password) {
        Optional<Duration> locked = lockout.lockedFor(email);
        if (locked.isPresent()) {
            return new SignInResult.LockedOut(locked.get());
        }
        Optional<Account> account = accounts.checkPassword(email, password);
        if (account.isEmpty()) {
            return new SignInResult.Rejected(lockout.recordFailure(email));
        }
        lockout.recordSuccess(email);
        return account.get().status() == AccountStatus.ACTIVE
                ? new SignInResult.Accepted(account.get()) : new SignInResult.NotActive(account.get());
    }
}
