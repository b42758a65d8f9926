package org.csonline.onboarding.account;

import java.util.UUID;

/** A council account ("My Norfolk" by default). The password hash never leaves the account package. */
public record Account(UUID id, String email, String givenName, String surname, String phoneE164,
        AccountStatus status) {
}
