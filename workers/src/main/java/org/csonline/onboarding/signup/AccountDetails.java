package org.csonline.onboarding.signup;

/** Guide step 10's form. The password fields are never stored or logged as typed. */
public record AccountDetails(String givenName, String surname, String newPassword, String confirmNewPassword) {

    @Override
    public String toString() {
        return "AccountDetails[givenName=" + givenName + ", surname=" + surname + ", passwords=***]";
    }
}
