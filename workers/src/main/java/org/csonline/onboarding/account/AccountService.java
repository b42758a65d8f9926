package org.csonline.onboarding.account;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.onboarding.Onboarding;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.onboarding.OnboardingService;
import org.csonline.onboarding.process.OnboardingProcess;
import org.csonline.onboarding.process.ProcessMessage;
import org.csonline.onboarding.process.ProcessVariables;
import org.csonline.onboarding.support.EmailAddress;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, activates and signs in council accounts. Every change is idempotent by onboarding id. */
@Service
public class AccountService {

    private final AccountRepository accounts;
    private final ConfirmedPhones confirmedPhones;
    private final OnboardingRepository onboardings;
    private final OnboardingService onboardingService;
    private final OnboardingProcess process;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final String dummyHash;

    public AccountService(AccountRepository accounts, ConfirmedPhones confirmedPhones, OnboardingRepository onboardings,
            OnboardingService onboardingService, OnboardingProcess process, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.confirmedPhones = confirmedPhones;
        this.onboardings = onboardings;
        this.onboardingService = onboardingService;
        this.process = process;
        this.passwords = passwords;
        this.clock = clock;
        this.dummyHash = passwords.encode("not-a-password-anyone-has");
    }

    /**
     * Guide step 10: a pending account for the onboarding, from what the applicant entered (password already hashed);
     * the same account if run again.
     */
    @Transactional
    public UUID createPending(UUID onboardingId, String email, String givenName, String surname, String passwordHash) {
        Optional<UUID> existing = accountForOnboarding(onboardingId);
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = UUID.randomUUID();
        accounts.insertPending(id, onboardingId, email, givenName, surname, passwordHash, clock.instant());
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
                Map.of(ProcessVariables.ACCOUNT_ID, accountId.toString()));
        return true;
    }

    /** Guide step 15: the account becomes usable, with the phone the applicant confirmed. */
    @Transactional
    public void activate(UUID accountId, UUID onboardingId) {
        accounts.activate(accountId, confirmedPhones.confirmedPhone(onboardingId).orElse(null),
                clock.instant());
        onboardingService.linkAccount(onboardingId, accountId);
    }

    /**
     * First factor of every sign-in. Wrong email and wrong password look the same, and take the same time: the hash
     * is checked even when no account has the email.
     */
    public Optional<Account> checkPassword(String email, String password) {
        Optional<Account> account = accounts.findByEmail(EmailAddress.typed(email).value());
        String hash = account.flatMap(a -> accounts.passwordHash(a.id())).orElse(dummyHash);
        boolean matches = passwords.matches(password == null ? "" : password, hash);
        return matches ? account : Optional.empty();
    }
}
