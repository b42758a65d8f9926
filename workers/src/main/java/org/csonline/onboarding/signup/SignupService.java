package org.csonline.onboarding.signup;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.account.AccountRepository;
import org.csonline.onboarding.account.PasswordRules;
import org.csonline.onboarding.onboarding.Onboarding;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.onboarding.OnboardingService;
import org.csonline.onboarding.process.OnboardingProcess;
import org.csonline.onboarding.process.ProcessMessage;
import org.csonline.onboarding.support.UserInputException;
import org.csonline.onboarding.support.UserInputException.InputError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Guide steps 5-10 for an applicant with no council account: email, email code, names and password. */
@Service
public class SignupService {

    static final int MAX_NAME_LENGTH = 100;

    private final JdbcClient jdbc;
    private final OnboardingRepository onboardings;
    private final AccountRepository accounts;
    private final EmailCodeService emailCodes;
    private final OnboardingProcess process;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public SignupService(JdbcClient jdbc, OnboardingRepository onboardings, AccountRepository accounts,
            EmailCodeService emailCodes, OnboardingProcess process, PasswordEncoder passwords,
            TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.onboardings = onboardings;
        this.accounts = accounts;
        this.emailCodes = emailCodes;
        this.process = process;
        this.passwords = passwords;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Step 6: "Send verification code" (also "Send new code"). */
    @Transactional
    public void requestEmailCode(UUID onboardingId, String typedEmail) {
        String email = OnboardingService.normaliseEmail(typedEmail);
        if (email.isEmpty()) {
            throw new UserInputException("email", "signup.email.required");
        }
        if (!OnboardingService.isEmailAddress(email)) {
            throw new UserInputException("email", "signup.email.invalid");
        }
        Onboarding onboarding = onboardings.get(onboardingId);
        if (!email.equals(onboarding.applicantEmail())) {
            throw new UserInputException("email", "signup.email.notInvited");
        }
        if (accounts.findByEmail(email).isPresent()) {
            throw new UserInputException("email", "signup.email.hasAccount");
        }
        jdbc.sql("merge into signup (onboarding_id, email, updated_at) key (onboarding_id) values (?, ?, ?)")
                .params(onboardingId, email, now()).update();
        long requestId = emailCodes.request(onboardingId, email);
        process.publish(ProcessMessage.EMAIL_CODE_REQUESTED, onboardingId, Long.toString(requestId),
                Map.of("emailCodeRequestId", requestId));
    }

    public Optional<String> emailFor(UUID onboardingId) {
        return jdbc.sql("select email from signup where onboarding_id = ?").param(onboardingId)
                .query(String.class).optional();
    }

    /** Steps 8-9: "verify code". */
    @Transactional
    public EmailCodeResult verifyEmail(UUID onboardingId, String code) {
        if (Optional.ofNullable(code).map(String::isBlank).orElse(true)) {
            throw new UserInputException("code", "signup.code.required");
        }
        EmailCodeResult result = emailCodes.check(onboardingId, code);
        if (result == EmailCodeResult.VERIFIED) {
            jdbc.sql("update signup set email_verified_at = ?, updated_at = ? where onboarding_id = ?")
                    .params(now(), now(), onboardingId).update();
            process.publish(ProcessMessage.EMAIL_VERIFIED, onboardingId, "1", Map.of());
        }
        return result;
    }

    public boolean isEmailVerified(UUID onboardingId) {
        return jdbc.sql("select count(*) from signup where onboarding_id = ? and email_verified_at is not null")
                .param(onboardingId).query(Integer.class).single() > 0;
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
            jdbc.sql("update signup set given_name = ?, surname = ?, password_hash = ?, updated_at = ? "
                            + "where onboarding_id = ?")
                    .params(details.givenName().strip(), details.surname().strip(), passwordHash, now(), onboardingId)
                    .update();
            process.publish(ProcessMessage.ACCOUNT_DETAILS_SUBMITTED, onboardingId, "1", Map.of());
        });
    }

    public boolean hasSubmittedDetails(UUID onboardingId) {
        return jdbc.sql("select count(*) from signup where onboarding_id = ? and password_hash is not null")
                .param(onboardingId).query(Integer.class).single() > 0;
    }

    private static void checkName(String value, String field, List<InputError> errors) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty()) {
            errors.add(new InputError(field, "signup." + field + ".required"));
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.add(new InputError(field, "signup." + field + ".tooLong", MAX_NAME_LENGTH));
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
