package org.csonline.onboarding.signup;

import org.csonline.onboarding.web.Form;

/** Guide step 10: names and a new password, which the sign-up service checks; the passwords never come back. */
record AccountDetailsForm(String givenName, String surname, String newPassword, String confirmNewPassword)
        implements Form {

    AccountDetailsForm {
        givenName = Form.orEmpty(givenName);
        surname = Form.orEmpty(surname);
        newPassword = Form.orEmpty(newPassword);
        confirmNewPassword = Form.orEmpty(confirmNewPassword);
    }

    AccountDetails details() {
        return new AccountDetails(givenName, surname, newPassword, confirmNewPassword);
    }

    @Override
    public String toString() {
        return "AccountDetailsForm[givenName=" + givenName + ", surname=" + surname + "]";
    }
}
