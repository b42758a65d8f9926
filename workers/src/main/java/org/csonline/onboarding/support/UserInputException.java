package org.csonline.onboarding.support;

import java.util.List;

/**
 * Input a person can correct: the page shows each message next to the field it names and keeps what they typed.
 * Messages are keys in the web app's messages.properties.
 */
public class UserInputException extends RuntimeException {

    private final transient List<InputError> errors;

    public UserInputException(List<InputError> errors) {
        super(errors.isEmpty() ? "invalid input" : errors.getFirst().messageKey());
        this.errors = List.copyOf(errors);
    }

    public UserInputException(String field, String messageKey, Object... arguments) {
        this(List.of(new InputError(field, messageKey, arguments)));
    }

    public List<InputError> errors() {
        return errors;
    }

    /** One problem with one field. */
    public record InputError(String field, String messageKey, Object... arguments) {
    }
}
