package org.csonline.onboarding.account;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.onboarding.Onboarding;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.onboarding.OnboardingService;
import org.csonline.onboarding.phone.PhoneCodeService;
import org.csonline.onboarding.process.OnboardingProcess;
import org.csonline.onboarding.process.ProcessMessage;
import org.csonline.onboarding.signup.SignupRepository;
import org.csonline.onboarding.signup.SignupRepository.SignedUp;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, activates and signs in council accounts. Every change is idempotent by onboarding id. */
@Service
public class AccountService {

    private final AccountRepository accounts;
    private final SignupRepository signups;
    private final OnboardingRepository onboardings;
    private final OnboardingService onboardingService;
    private final OnboardingProcess process;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final String dummyHash;

    public AccountService(AccountRepository accounts, SignupRepository signups, OnboardingRepository onboardings,
            OnboardingService onboardingService, OnboardingProcess process, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.signups = signups;
        this.onboardings = onboardings;
        this.onboardingService = onboardingService;
        this.process = process;
        this.passwords = passwords;
        this.clock = clock;
        this.dummyHash = passwords.encode("not-a-password-anyone-has");
    }

    /** Guide step 10: the account from what the applicant entered; the same account if run again. */
    @Transactional
    public UUID createFromSignup(UUID onboardingId) {
        Optional<UUID> existing = accountForOnboarding(onboardingId);
        if (existing.isPresent()) {
            return existing.get();
        }
        SignedUp details = signups.details(onboardingId).orElseThrow(
                () -> new IllegalStateException("No account details submitted for onboarding " + onboardingId));
        UUID id = UUID.randomUUID();
        accounts.insertPending(id, onboardingId, details.email(), details.givenName(), details.surname(),
                details.passwordHash(), clock.instant());
        onboardingService.linkAccount(onboardingId, id);
        return id;
    }

    public Optional<UUID> accountForOnboarding(UUID onboardingId) {
        return accounts.idForOnboarding(onboardingId);
    }

    /**
     * Guide step 4: the invited applicant signed in with an account they already had. Only the invited address's
     * account counts; returns whether it did.
     */
    @Transactional
    public boolean linkExistingAccount(UUID onboardingId, UUID accountId) {
        Onboarding onboarding = onboardings.get(onboardingId);
        Account account = accounts.get(accountId);
        if (!account.email().equals(onboarding.applicantEmail())) {
            return false;
        }
        onboardingService.linkAccount(onboardingId, accountId);
        process.publish(ProcessMessage.EXISTING_ACCOUNT_SIGNED_IN, onboardingId, accountId.toString(),
                Map.of("accountId", accountId.toString()));
        return true;
    }

    /** Guide step 15: the account becomes usable, with the phone the applicant confirmed. */
    @Transactional
    public void activate(UUID accountId, UUID onboardingId) {
        accounts.activate(accountId, signups.confirmedPhone(onboardingId, PhoneCodeService.ROUNDS).orElse(null),
                clock.instant());
        onboardingService.linkAccount(onboardingId, accountId);
    }

    /**
     * First factor of every sign-in. Wrong email and wrong password look the same, and take the same time: the hash
     * is checked even when no account has the email.
     */
    public Optional<Account> checkPassword(String email, String password) {
        Optional<Account> account = accounts.findByEmail(OnboardingService.normaliseEmail(email));
        String hash = account.flatMap(a -> accounts.passwordHash(a.id())).orElse(dummyHash);
        boolean matches = passwords.matches(password == null ? "" : password, hash);
        return matches ? account : Optional.empty();
    }
}
