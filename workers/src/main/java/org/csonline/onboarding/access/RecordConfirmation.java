package org.csonline.onboarding.access;

import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.account.AccountService;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.signup.PhoneRounds;
import org.springframework.stereotype.Service;

/** Guide steps 13-14: when an applicant may confirm their record, and which account then asks for access. */
@Service
public class RecordConfirmation {

    private final OnboardingRepository onboardings;
    private final AccountService accounts;
    private final PhoneRounds phoneRounds;

    public RecordConfirmation(OnboardingRepository onboardings, AccountService accounts, PhoneRounds phoneRounds) {
        this.onboardings = onboardings;
        this.accounts = accounts;
        this.phoneRounds = phoneRounds;
    }

    /** A new applicant has confirmed their phone twice; an existing one has signed in to the invited account. */
    public boolean ready(UUID onboarding, Optional<UUID> signedInAccount) {
        return linked(onboarding, signedInAccount).isPresent()
                || phoneRounds.isComplete(onboarding);
    }

    /** The account to submit the access request for, or none while the applicant is not ready to submit. */
    public Optional<UUID> accountToSubmit(UUID onboarding, Optional<UUID> signedInAccount) {
        if (!ready(onboarding, signedInAccount)) {
            return Optional.empty();
        }
        return linked(onboarding, signedInAccount).or(() -> accounts.accountForOnboarding(onboarding));
    }

    /** The signed-in account, only if it is the invited address's account (guide step 4 linked it). */
    private Optional<UUID> linked(UUID onboarding, Optional<UUID> signedInAccount) {
        UUID linked = onboardings.get(onboarding).accountId();
        return signedInAccount.filter(id -> id.equals(linked));
    }
}
