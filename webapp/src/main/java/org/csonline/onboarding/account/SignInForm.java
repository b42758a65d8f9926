package org.csonline.onboarding.account;

import org.csonline.onboarding.web.Form;

/** Email and password; only the email comes back on the page. */
record SignInForm(String email, String password) implements Form {

    SignInForm {
        email = Form.orEmpty(email);
        password = Form.orEmpty(password);
    }

    @Override
    public String toString() {
        return "SignInForm[email=" + email + "]";
    }
}
