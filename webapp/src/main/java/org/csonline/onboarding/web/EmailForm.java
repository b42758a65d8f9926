package org.csonline.onboarding.web;

/** An email address as typed, which the service reads as an {@link org.csonline.onboarding.support.EmailAddress}. */
public record EmailForm(String email) implements Form {

    public EmailForm {
        email = Form.orEmpty(email);
    }
}
