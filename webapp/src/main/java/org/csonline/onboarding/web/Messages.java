package org.csonline.onboarding.web;

import java.util.Locale;
import org.csonline.onboarding.support.UserInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Page text from messages.properties, and errors turned into what a page shows. */
@Component
public class Messages {

    private final MessageSource source;

    public Messages(MessageSource source) {
        this.source = source;
    }

    public String text(String key, Object... arguments) {
        return source.getMessage(key, arguments, Locale.UK);
    }

    public FormErrors errors(UserInputException e) {
        return new FormErrors(e.errors().stream()
                .map(error -> new FormErrors.FieldMessage(error.field(), text(error.messageKey(), error.arguments())))
                .toList());
    }

    public FormErrors error(String field, String key, Object... arguments) {
        return errors(new UserInputException(field, key, arguments));
    }
}
