package org.csonline.onboarding.web;

/** A code typed from a text message, a call or an email; whether it is right is the service's answer. */
public record CodeForm(String code) implements Form {

    public CodeForm {
        code = Form.orEmpty(code);
    }
}
