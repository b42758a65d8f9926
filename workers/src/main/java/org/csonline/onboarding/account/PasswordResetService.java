package org.csonline.onboarding.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.email.EmailCodeResult;
import org.csonline.onboarding.email.EmailKind;
import org.csonline.onboarding.email.EmailService;
import org.csonline.onboarding.phone.PhoneChannel;
import org.csonline.onboarding.phone.PhoneCheckResult;
import org.csonline.onboarding.phone.PhoneCodes;
import org.csonline.onboarding.support.EmailAddress;
import org.csonline.onboarding.support.Secrets;
import org.csonline.onboarding.support.UserInputException;
import org.csonline.onboarding.support.UserInputException.InputError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgotten your password?": a code to the account's email, then a code to its phone, then a new password. An
 * address with no active account gets a reset that looks the same but can never pass the email code (nothing is
 * sent), so the pages tell nobody which addresses have accounts.
 */
@Service
public class PasswordResetService {

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final EmailService email;
    private final PhoneCodes phoneCodes;
    private final SignInLockout lockout;
    private final PasswordEncoder passwords;
    private final Secrets secrets;
    private final SignInProperties properties;
    private final Clock clock;

    public PasswordResetService(JdbcClient jdbc, AccountRepository accounts, EmailService email,
            PhoneCodes phoneCodes, SignInLockout lockout, PasswordEncoder passwords, Secrets secrets,
            SignInProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.email = email;
        this.phoneCodes = phoneCodes;
        this.lockout = lockout;
        this.passwords = passwords;
        this.secrets = secrets;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a reset and emails the code when the address has an active account; returns the reset's id. */
    public UUID start(String typedEmail) {
        EmailAddress typed = EmailAddress.typed(typedEmail);
        String address = typed.value();
        if (address.isEmpty()) {
            throw new UserInputException("email", "signup.email.required");
        }
        if (!typed.wellFormed()) {
            throw new UserInputException("email", "signup.email.invalid");
        }
        Optional<Account> account = accounts.findByEmail(address).filter(a -> a.status() == AccountStatus.ACTIVE);
        UUID id = UUID.randomUUID();
        String code = secrets.numericCode(6);
        Instant now = clock.instant();
        jdbc.sql("insert into password_reset (id, account_id, email_hash, code_hash, expires_at, created_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(id, account.map(Account::id).orElse(null), secrets.hash("reset:" + address),
                        secrets.hash(account.isPresent() ? code : secrets.token()),
                        Timestamp.from(now.plus(properties.resetCodeValidity())), Timestamp.from(now))
                .update();
        account.ifPresent(a -> email.sendOnce(null, "password-reset:" + id, a.email(), EmailKind.PASSWORD_RESET_CODE,
                Map.of("code", code, "validMinutes", properties.resetCodeValidity().toMinutes())));
        return id;
    }

    /** The account behind a reset, if the address had one (for the audit log; pages must not show it). */
    public Optional<UUID> accountOf(UUID resetId) {
        return find(resetId).map(Reset::accountId);
    }

    public PasswordResetStage stage(UUID resetId) {
        Reset reset = find(resetId).orElse(null);
        if (reset == null || reset.completed()) {
            return PasswordResetStage.DONE;
        }
        if (!reset.emailVerified()) {
            return PasswordResetStage.EMAIL_CODE;
        }
        return reset.phoneVerified() ? PasswordResetStage.NEW_PASSWORD : PasswordResetStage.PHONE_CODE;
    }

    @Transactional
    public EmailCodeResult checkEmailCode(UUID resetId, String typed) {
        if (typed == null || typed.isBlank()) {
            throw new UserInputException("code", "signup.code.required");
        }
        Reset reset = find(resetId).orElseThrow(() -> new IllegalStateException("No reset " + resetId));
        if (!reset.expiresAt().isAfter(clock.instant())) {
            return EmailCodeResult.EXPIRED;
        }
        if (reset.wrongTries() >= properties.resetCodeMaxTries()) {
            return EmailCodeResult.TOO_MANY_TRIES;
        }
        if (reset.accountId() != null && secrets.matches(Secrets.normaliseCode(typed), reset.codeHash())) {
            jdbc.sql("update password_reset set email_verified_at = ? where id = ?")
                    .params(Timestamp.from(clock.instant()), resetId).update();
            return EmailCodeResult.VERIFIED;
        }
        jdbc.sql("update password_reset set wrong_tries = wrong_tries + 1 where id = ?").param(resetId).update();
        return reset.wrongTries() + 1 >= properties.resetCodeMaxTries()
                ? EmailCodeResult.TOO_MANY_TRIES : EmailCodeResult.WRONG;
    }

    public String maskedPhone(UUID resetId) {
        return org.csonline.onboarding.phone.PhoneNumber.mask(account(resetId, PasswordResetStage.PHONE_CODE).phoneE164());
    }

    public void sendPhoneCode(UUID resetId, PhoneChannel channel) {
        phoneCodes.sendTo(phone(account(resetId, PasswordResetStage.PHONE_CODE)), channel);
    }

    public PhoneCheckResult checkPhoneCode(UUID resetId, String code) {
        PhoneCheckResult result = phoneCodes.check(phone(account(resetId, PasswordResetStage.PHONE_CODE)), code);
        if (result == PhoneCheckResult.APPROVED) {
            jdbc.sql("update password_reset set phone_verified_at = ? where id = ?")
                    .params(Timestamp.from(clock.instant()), resetId).update();
        }
        return result;
    }

    /** The new password, by the same rules as at sign-up; clears the sign-in lockout. Returns the account id. */
    @Transactional
    public UUID setPassword(UUID resetId, String newPassword, String confirmNewPassword) {
        Account account = account(resetId, PasswordResetStage.NEW_PASSWORD);
        List<InputError> errors = PasswordRules.check(newPassword, confirmNewPassword);
        if (!errors.isEmpty()) {
            throw new UserInputException(errors);
        }
        accounts.changePassword(account.id(), passwords.encode(newPassword), clock.instant());
        jdbc.sql("update password_reset set completed_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), resetId).update();
        lockout.recordSuccess(account.email());
        // So the owner hears of a change they did not make.
        email.sendOnce(null, "password-changed:" + resetId, account.email(), EmailKind.PASSWORD_CHANGED, Map.of());
        return account.id();
    }

    /** Staff removed a lost phone: there is no second code to send until the applicant registers a new one. */
    private static String phone(Account account) {
        if (account.phoneE164() == null) {
            throw new UserInputException("code", "reset.noPhone");
        }
        return account.phoneE164();
    }

    private Account account(UUID resetId, PasswordResetStage needed) {
        if (stage(resetId) != needed) {
            throw new IllegalStateException("Reset " + resetId + " is not at " + needed);
        }
        UUID accountId = find(resetId).map(Reset::accountId)
                .orElseThrow(() -> new IllegalStateException("Reset " + resetId + " has no account"));
        return accounts.get(accountId);
    }

    private Optional<Reset> find(UUID resetId) {
        return jdbc.sql("select account_id, code_hash, wrong_tries, expires_at, email_verified_at, phone_verified_at, "
                        + "completed_at from password_reset where id = ?")
                .param(resetId)
                .query((rs, n) -> new Reset(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) != null, rs.getTimestamp(6) != null,
                        rs.getTimestamp(7) != null))
                .optional();
    }

    private record Reset(UUID accountId, String codeHash, int wrongTries, Instant expiresAt, boolean emailVerified,
            boolean phoneVerified, boolean completed) {
    }
}
