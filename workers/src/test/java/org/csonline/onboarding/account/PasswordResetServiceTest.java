package org.csonline.onboarding.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.csonline.onboarding.email.EmailCodeResult;
import org.csonline.onboarding.email.EmailKind;
import org.csonline.onboarding.email.EmailService;
import org.csonline.onboarding.phone.PhoneChannel;
import org.csonline.onboarding.phone.PhoneCheckResult;
import org.csonline.onboarding.phone.PhoneCodes;
import org.csonline.onboarding.support.MutableClock;
import org.csonline.onboarding.support.Rows;
import org.csonline.onboarding.support.TestDatabase;
import org.csonline.onboarding.support.TestSecrets;
import org.csonline.onboarding.support.UserInputException;
import org.csonline.onboarding.testdb.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.jdbc.core.simple.JdbcClient;

/** "Forgotten your password?": email code, then phone code, then a new password by the sign-up rules. */
@DatabaseTest
class PasswordResetServiceTest {

    final TestDatabase.Database database = TestDatabase.open();
    final JdbcClient jdbc = database.jdbc();
    final MutableClock clock = MutableClock.atStart();
    final EmailService email = mock(EmailService.class);
    final PhoneCodes phoneCodes = mock(PhoneCodes.class);
    final AccountServiceSignInTest.CountingEncoder encoder = new AccountServiceSignInTest.CountingEncoder();
    final SignInLockout lockout = new SignInLockout(jdbc, database.upserts(), TestSecrets.secrets(), SignInLockoutTest.RULES, clock);
    final PasswordResetService resets = new PasswordResetService(jdbc, new AccountRepository(jdbc), email, phoneCodes,
            lockout, encoder, TestSecrets.secrets(), SignInLockoutTest.RULES, clock);
    final UUID account = Rows.account(jdbc, "sam@example.org", "hash:old password", "+447700900982", "ACTIVE");

    @Test
    void walksEmailCodeThenPhoneCodeThenNewPassword() {
        UUID reset = resets.start(" Sam@example.org");
        assertThat(resets.stage(reset)).isEqualTo(PasswordResetStage.EMAIL_CODE);
        assertThat(resets.checkEmailCode(reset, emailedCode())).isEqualTo(EmailCodeResult.VERIFIED);
        assertThat(resets.stage(reset)).isEqualTo(PasswordResetStage.PHONE_CODE);
        assertThat(resets.maskedPhone(reset)).isEqualTo("+44*******982");

        resets.sendPhoneCode(reset, PhoneChannel.SMS);
        when(phoneCodes.check(any(), eq("123456"))).thenReturn(PhoneCheckResult.APPROVED);
        assertThat(resets.checkPhoneCode(reset, "123456")).isEqualTo(PhoneCheckResult.APPROVED);
        assertThat(resets.stage(reset)).isEqualTo(PasswordResetStage.NEW_PASSWORD);

        assertThat(resets.setPassword(reset, "lanternfish glow", "lanternfish glow")).isEqualTo(account);
        assertThat(jdbc.sql("select password_hash from account where id = ?").param(account).query(String.class)
                .single()).isEqualTo("hash:lanternfish glow");
        assertThat(resets.stage(reset)).isEqualTo(PasswordResetStage.DONE);
        verify(email).sendOnce(isNull(), eq("password-changed:" + reset), eq("sam@example.org"),
                eq(EmailKind.PASSWORD_CHANGED), any(Map.class));
    }

    @Test
    void anUnknownAddressGetsTheSamePagesButNoEmailAndNoWayThrough() {
        UUID reset = resets.start("nobody@example.org");
        assertThat(resets.stage(reset)).isEqualTo(PasswordResetStage.EMAIL_CODE);
        verify(email, never()).sendOnce(any(), anyString(), anyString(), any(), any(Map.class));
        for (String guess : new String[] {"000000", "123456", "999999", "111111"}) {
            assertThat(resets.checkEmailCode(reset, guess)).isEqualTo(EmailCodeResult.WRONG);
        }
        assertThat(resets.checkEmailCode(reset, "222222")).isEqualTo(EmailCodeResult.TOO_MANY_TRIES);
    }

    @Test
    void theEmailCodeExpires() {
        UUID reset = resets.start("sam@example.org");
        String code = emailedCode();
        clock.advance(Duration.ofMinutes(30));
        assertThat(resets.checkEmailCode(reset, code)).isEqualTo(EmailCodeResult.EXPIRED);
    }

    @Test
    void fiveWrongEmailCodesEndTheReset() {
        UUID reset = resets.start("sam@example.org");
        String code = emailedCode();
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 4; i++) {
            assertThat(resets.checkEmailCode(reset, wrong)).isEqualTo(EmailCodeResult.WRONG);
        }
        assertThat(resets.checkEmailCode(reset, wrong)).isEqualTo(EmailCodeResult.TOO_MANY_TRIES);
        assertThat(resets.checkEmailCode(reset, code)).isEqualTo(EmailCodeResult.TOO_MANY_TRIES);
    }

    @Test
    void anAccountWhosePhoneStaffRemovedIsToldWhatToDoInsteadOfACode() {
        jdbc.sql("update account set phone_e164 = null where id = ?").param(account).update();
        UUID reset = resets.start("sam@example.org");
        resets.checkEmailCode(reset, emailedCode());
        assertThatThrownBy(() -> resets.sendPhoneCode(reset, org.csonline.onboarding.phone.PhoneChannel.SMS))
                .isInstanceOf(UserInputException.class).hasMessage("reset.noPhone");
        assertThat(resets.stage(reset)).isEqualTo(PasswordResetStage.PHONE_CODE);
    }

    @Test
    void thePhoneStepCannotBeSkipped() {
        UUID reset = resets.start("sam@example.org");
        resets.checkEmailCode(reset, emailedCode());
        assertThatThrownBy(() -> resets.setPassword(reset, "lanternfish glow", "lanternfish glow"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theNewPasswordFollowsThePasswordRules() {
        UUID reset = resets.start("sam@example.org");
        resets.checkEmailCode(reset, emailedCode());
        when(phoneCodes.check(any(), any())).thenReturn(PhoneCheckResult.APPROVED);
        resets.checkPhoneCode(reset, "123456");
        assertThatThrownBy(() -> resets.setPassword(reset, "password1", "password1"))
                .isInstanceOfSatisfying(UserInputException.class,
                        e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("signup.password.common"));
    }

    @Test
    void aNewPasswordClearsTheSignInLockout() {
        for (int i = 0; i < 6; i++) {
            lockout.recordFailure("sam@example.org");
        }
        UUID reset = resets.start("sam@example.org");
        resets.checkEmailCode(reset, emailedCode());
        when(phoneCodes.check(any(), any())).thenReturn(PhoneCheckResult.APPROVED);
        resets.checkPhoneCode(reset, "123456");
        resets.setPassword(reset, "lanternfish glow", "lanternfish glow");
        assertThat(lockout.lockedFor("sam@example.org")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private String emailedCode() {
        ArgumentCaptor<Map<String, Object>> model = ArgumentCaptor.forClass(Map.class);
        verify(email).sendOnce(isNull(), anyString(), eq("sam@example.org"), eq(EmailKind.PASSWORD_RESET_CODE), model.capture());
        return (String) model.getValue().get("code");
    }
}
