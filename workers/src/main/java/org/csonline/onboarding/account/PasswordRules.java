package org.csonline.onboarding.account;

import java.util.ArrayList;
import java.util.List;
import org.csonline.onboarding.support.UserInputException.InputError;

/**
 * The password rules (NCSC and NIST guidance): at least 8 characters, no composition rules, not a common password,
 * and typed the same twice. Errors name the fields {@code newPassword} and {@code confirmNewPassword}.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 256;

    private PasswordRules() {
    }

    public static List<InputError> check(String newPassword, String confirmNewPassword) {
        String password = newPassword == null ? "" : newPassword;
        List<InputError> errors = new ArrayList<>();
        if (password.isEmpty()) {
            errors.add(new InputError("newPassword", "signup.password.required"));
        } else if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            errors.add(new InputError("newPassword", "signup.password.tooShort", MIN_LENGTH));
        } else if (password.length() > MAX_LENGTH) {
            errors.add(new InputError("newPassword", "signup.password.tooLong", MAX_LENGTH));
        } else if (CommonPasswords.contains(password)) {
            errors.add(new InputError("newPassword", "signup.password.common"));
        } else if (!password.equals(confirmNewPassword)) {
            errors.add(new InputError("confirmNewPassword", "signup.password.mismatch"));
        }
        return errors;
    }
}
