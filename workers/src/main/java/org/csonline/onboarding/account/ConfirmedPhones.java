package org.csonline.onboarding.account;

import java.util.Optional;
import java.util.UUID;

/**
 * Where activation (guide step 15) finds the phone a new applicant confirmed while signing up. The sign-up feature
 * answers; accounts do not depend on how sign-up counts its rounds.
 */
public interface ConfirmedPhones {

    /** The number confirmed in every round the sign-up asks for; empty for an existing account's onboarding. */
    Optional<String> confirmedPhone(UUID onboardingId);
}
