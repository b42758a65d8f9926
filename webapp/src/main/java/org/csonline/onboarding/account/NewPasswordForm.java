package org.csonline.onboarding.account;

import org.csonline.onboarding.web.Form;

/** A new password typed twice; neither ever comes back on the page. */
record NewPasswordForm(String newPassword, String confirmNewPassword) implements Form {

    NewPasswordForm {
        newPassword = Form.orEmpty(newPassword);
        confirmNewPassword = Form.orEmpty(confirmNewPassword);
    }

    @Override
    public String toString() {
        return "NewPasswordForm[]";
    }
}
