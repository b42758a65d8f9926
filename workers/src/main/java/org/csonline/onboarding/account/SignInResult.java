package org.csonline.onboarding.account;

import java.time.Duration;

/** What the first factor of a sign-in (email and password) came to. */
public sealed interface SignInResult {

    /** Right password for an active account: the phone code comes next. */
    record Accepted(Account account) implements SignInResult {
    }

    /** Right password, but the account is not active yet (the review has not finished). */
    record NotActive(Account account) implements SignInResult {
    }

    /** Wrong email or wrong password: the page says the same for both. */
    record Rejected(Duration lockout) implements SignInResult {
    }

    /** Too many wrong passwords for this email address lately; no password was checked. */
    record LockedOut(Duration remaining) implements SignInResult {

        public long minutes() {
            return Math.max(1, (remaining.toSeconds() + 59) / 60);
        }
    }
}
