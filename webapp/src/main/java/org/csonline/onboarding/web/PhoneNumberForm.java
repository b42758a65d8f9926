package org.csonline.onboarding.web;

/** A phone number as typed; the phone service reads and checks it. */
public record PhoneNumberForm(String phoneNumber) implements Form {

    public PhoneNumberForm {
        phoneNumber = Form.orEmpty(phoneNumber);
    }
}
