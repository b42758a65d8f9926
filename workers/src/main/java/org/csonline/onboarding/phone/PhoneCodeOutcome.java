package org.csonline.onboarding.phone;

import java.util.Optional;
import org.csonline.onboarding.support.UserInputException;

/**
 * What the provider said to a request for a code. All but SENT are things the applicant can fix on the phone page
 * (another number, "Call me", waiting); the process gets it as {@code phoneCodeOutcome} and simply waits for the
 * next request.
 */
public enum PhoneCodeOutcome {
    /** The text or call is on its way. */
    SENT(null, null),
    /** Twilio 60200: not a number it can reach. */
    INVALID_NUMBER("phoneNumber", "phone.number.unreachable"),
    /** Twilio 60205: a landline asked for a text. */
    LANDLINE_NO_SMS("phoneNumber", "phone.number.landline"),
    /** Twilio 60203, or the local limit: too many codes for this number. */
    TOO_MANY_SENDS("code", "phone.code.tooManySends");

    private final String field;
    private final String messageKey;

    PhoneCodeOutcome(String field, String messageKey) {
        this.field = field;
        this.messageKey = messageKey;
    }

    /** The error a page shows for this outcome; empty for SENT. */
    public Optional<UserInputException> asUserError() {
        return this == SENT ? Optional.empty() : Optional.of(new UserInputException(field, messageKey));
    }
}
