package org.csonline.onboarding.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.onboarding.Onboarding;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.process.OnboardingProcess;
import org.csonline.onboarding.process.ProcessMessage;
import org.csonline.onboarding.onboarding.OnboardingService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, activates and signs in council accounts. Every change is idempotent by onboarding id. */
@Service
public class AccountService {

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final OnboardingRepository onboardings;
    private final OnboardingProcess process;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final String dummyHash;

    public AccountService(JdbcClient jdbc, AccountRepository accounts, OnboardingRepository onboardings,
            OnboardingProcess process, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.onboardings = onboardings;
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
        UUID id = UUID.randomUUID();
        int created = jdbc.sql("insert into account (id, email, given_name, surname, password_hash, status, "
                        + "onboarding_id, created_at) select ?, email, given_name, surname, password_hash, 'PENDING', "
                        + "onboarding_id, ? from signup where onboarding_id = ? and password_hash is not null")
                .params(id, Timestamp.from(clock.instant()), onboardingId).update();
        if (created != 1) {
            throw new IllegalStateException("No account details submitted for onboarding " + onboardingId);
        }
        onboardings.setAccount(onboardingId, id);
        return id;
    }

    public Optional<UUID> accountForOnboarding(UUID onboardingId) {
        return jdbc.sql("select id from account where onboarding_id = ?").param(onboardingId)
                .query(UUID.class).optional();
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
        onboardings.setAccount(onboardingId, accountId);
        process.publish(ProcessMessage.EXISTING_ACCOUNT_SIGNED_IN, onboardingId, accountId.toString(),
                Map.of("accountId", accountId.toString()));
        return true;
    }

    /** Guide step 15: the account becomes usable, with the phone the applicant confirmed. */
    @Transactional
    public void activate(UUID accountId, UUID onboardingId) {
        jdbc.sql("update account set phone_e164 = coalesce((select phone_e164 from signup where onboarding_id = ? "
                        + "and phone_verifications >= 2), phone_e164) where id = ?")
                .params(onboardingId, accountId).update();
        jdbc.sql("update account set status = 'ACTIVE', activated_at = ? where id = ? and status <> 'ACTIVE'")
                .params(Timestamp.from(clock.instant()), accountId).update();
        onboardings.setAccount(onboardingId, accountId);
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
