package org.csonline.onboarding.access;

import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.account.AccountService;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.phone.PhoneCodeService;
import org.springframework.stereotype.Service;

/** Guide steps 13-14: when an applicant may confirm their record, and which account then asks for access. */
@Service
public class RecordConfirmation {

    private final OnboardingRepository onboardings;
    private final AccountService accounts;
    private final PhoneCodeService phoneCodes;

    public RecordConfirmation(OnboardingRepository onboardings, AccountService accounts, PhoneCodeService phoneCodes) {
        this.onboardings = onboardings;
        this.accounts = accounts;
        this.phoneCodes = phoneCodes;
    }

    /** A new applicant has confirmed their phone twice; an existing one has signed in to the invited account. */
    public boolean ready(UUID onboarding, Optional<UUID> signedInAccount) {
        return linked(onboarding, signedInAccount).isPresent()
                || phoneCodes.roundsPassed(onboarding) >= PhoneCodeService.ROUNDS;
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
