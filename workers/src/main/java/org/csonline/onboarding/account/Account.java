package org.csonline.onboarding.account;

import java.util.UUID;

/** A council account ("My Norfolk" by default). The password hash never leaves the account package. */
public record Account(UUID id, String email, String givenName, String surname, String phoneE164,
        AccountStatus status) {

    /** The phone the second factor of a sign-in goes to; only an account that has one gets that far. */
    public String signInPhone() {
        if (phoneE164 == null) {
            throw new IllegalStateException("Account " + id + " has no phone");
        }
        return phoneE164;
    }
}
