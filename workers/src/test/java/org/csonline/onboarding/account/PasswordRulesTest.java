package org.csonline.onboarding.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.csonline.onboarding.support.UserInputException.InputError;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    @Test
    void acceptsEightCharactersWithNoCompositionRules() {
        assertThat(PasswordRules.check("sundialmoth", "sundialmoth")).isEmpty();
        assertThat(PasswordRules.check("correct horse battery", "correct horse battery")).isEmpty();
    }

    @Test
    void rejectsSevenCharacters() {
        assertThat(keys(PasswordRules.check("sundial", "sundial"))).containsExactly("newPassword:signup.password.tooShort");
    }

    @Test
    void rejectsAnEmptyPassword() {
        assertThat(keys(PasswordRules.check("", ""))).containsExactly("newPassword:signup.password.required");
        assertThat(keys(PasswordRules.check(null, null))).containsExactly("newPassword:signup.password.required");
    }

    @Test
    void rejectsCommonPasswordsWhateverTheirCase() {
        assertThat(keys(PasswordRules.check("password1", "password1"))).containsExactly("newPassword:signup.password.common");
        assertThat(keys(PasswordRules.check("Qwertyuiop", "Qwertyuiop"))).containsExactly("newPassword:signup.password.common");
        assertThat(keys(PasswordRules.check("12345678", "12345678"))).containsExactly("newPassword:signup.password.common");
    }

    @Test
    void rejectsAConfirmationThatDoesNotMatch() {
        assertThat(keys(PasswordRules.check("sundialmoth", "sundialmoths")))
                .containsExactly("confirmNewPassword:signup.password.mismatch");
    }

    @Test
    void rejectsPasswordsLongerThanTheLimit() {
        String tooLong = "a".repeat(PasswordRules.MAX_LENGTH + 1);
        assertThat(keys(PasswordRules.check(tooLong, tooLong))).containsExactly("newPassword:signup.password.tooLong");
    }

    @Test
    void shipsAtLeastTenThousandCommonPasswords() {
        assertThat(CommonPasswords.size()).isGreaterThanOrEqualTo(10_000);
        assertThat(CommonPasswords.contains("iloveyou")).isTrue();
        assertThat(CommonPasswords.contains("a very unusual sentence 42")).isFalse();
    }

    private static List<String> keys(List<InputError> errors) {
        return errors.stream().map(e -> e.field() + ":" + e.messageKey()).toList();
    }
}
