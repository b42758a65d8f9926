package org.csonline.onboarding.signup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.account.AccountRepository;
import org.csonline.onboarding.account.AccountService;
import org.csonline.onboarding.account.PasswordRules;
import org.csonline.onboarding.email.EmailCodeResult;
import org.csonline.onboarding.onboarding.Onboarding;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.process.OnboardingProcess;
import org.csonline.onboarding.process.ProcessMessage;
import org.csonline.onboarding.process.ProcessVariables;
import org.csonline.onboarding.support.EmailAddress;
import org.csonline.onboarding.support.UserInputException;
import org.csonline.onboarding.support.UserInputException.InputError;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Guide steps 5-10 for an applicant with no council account: email, email code, names and password. */
@Service
public class SignupService {

    static final int MAX_NAME_LENGTH = 100;

    private final SignupRepository signups;
    private final OnboardingRepository onboardings;
    private final AccountRepository accounts;
    private final AccountService accountService;
    private final EmailCodeService emailCodes;
    private final OnboardingProcess process;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transaction;

    public SignupService(SignupRepository signups, OnboardingRepository onboardings, AccountRepository accounts,
            AccountService accountService, EmailCodeService emailCodes, OnboardingProcess process,
            PasswordEncoder passwords,
            TransactionTemplate transaction) {
        this.signups = signups;
        this.onboardings = onboardings;
        this.accounts = accounts;
        this.accountService = accountService;
        this.emailCodes = emailCodes;
        this.process = process;
        this.passwords = passwords;
        this.transaction = transaction;
    }

    /** Step 6: "Send verification code" (also "Send new code"). */
    @Transactional
    public void requestEmailCode(UUID onboardingId, String typedEmail) {
        EmailAddress typed = EmailAddress.typed(typedEmail);
        String email = typed.value();
        if (email.isEmpty()) {
            throw new UserInputException("email", "signup.email.required");
        }
        if (!typed.wellFormed()) {
            throw new UserInputException("email", "signup.email.invalid");
        }
        Onboarding onboarding = onboardings.get(onboardingId);
        if (!email.equals(onboarding.applicantEmail())) {
            throw new UserInputException("email", "signup.email.notInvited");
        }
        if (accounts.findByEmail(email).isPresent()) {
            throw new UserInputException("email", "signup.email.hasAccount");
        }
        signups.startWithEmail(onboardingId, email);
        long requestId = emailCodes.request(onboardingId, email);
        process.publish(ProcessMessage.EMAIL_CODE_REQUESTED, onboardingId, Long.toString(requestId),
                Map.of(ProcessVariables.EMAIL_CODE_REQUEST_ID, requestId));
    }

    public Optional<String> emailFor(UUID onboardingId) {
        return signups.email(onboardingId);
    }

    /** Steps 8-9: "verify code". */
    @Transactional
    public EmailCodeResult verifyEmail(UUID onboardingId, String code) {
        if (Optional.ofNullable(code).map(String::isBlank).orElse(true)) {
            throw new UserInputException("code", "signup.code.required");
        }
        EmailCodeResult result = emailCodes.check(onboardingId, code);
        if (result == EmailCodeResult.VERIFIED) {
            signups.emailVerified(onboardingId);
            process.publish(ProcessMessage.EMAIL_VERIFIED, onboardingId, "1", Map.of());
        }
        return result;
    }

    public boolean isEmailVerified(UUID onboardingId) {
        return signups.isEmailVerified(onboardingId);
    }

    /**
     * Step 10: "Create". The account itself is created by the process. The password is hashed before the transaction:
     * Argon2 takes a while, and a database connection held meanwhile is one fewer for every other page.
     */
    public void submitDetails(UUID onboardingId, AccountDetails details) {
        if (!isEmailVerified(onboardingId)) {
            throw new IllegalStateException("Email not verified for onboarding " + onboardingId);
        }
        List<InputError> errors = new ArrayList<>();
        checkName(details.givenName(), "givenName", errors);
        checkName(details.surname(), "surname", errors);
        errors.addAll(PasswordRules.check(details.newPassword(), details.confirmNewPassword()));
        if (!errors.isEmpty()) {
            throw new UserInputException(errors);
        }
        String passwordHash = passwords.encode(details.newPassword());
        transaction.executeWithoutResult(status -> {
            signups.saveDetails(onboardingId, details.givenName().strip(), details.surname().strip(), passwordHash);
            process.publish(ProcessMessage.ACCOUNT_DETAILS_SUBMITTED, onboardingId, "1", Map.of());
        });
    }

    public boolean hasSubmittedDetails(UUID onboardingId) {
        return signups.details(onboardingId).isPresent();
    }

    private static void checkName(String value, String field, List<InputError> errors) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty()) {
            errors.add(new InputError(field, "signup." + field + ".required"));
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.add(new InputError(field, "signup." + field + ".tooLong", MAX_NAME_LENGTH));
        }
    }

    /** Guide step 10: the account from what the applicant entered; the same account if run again. */
    @Transactional
    public UUID createAccount(UUID onboardingId) {
        Optional<UUID> existing = accountService.accountForOnboarding(onboardingId);
        if (existing.isPresent()) {
            return existing.get();
        }
        SignupRepository.SignedUp details = signups.details(onboardingId).orElseThrow(
                () -> new IllegalStateException("No account details submitted for onboarding " + onboardingId));
        return accountService.createPending(onboardingId, details.email(), details.givenName(), details.surname(),
                details.passwordHash());
    }
}
