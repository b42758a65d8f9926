package org.csonline.onboarding.phone;

import java.util.Optional;
import org.csonline.onboarding.delivery.ProviderFailure;
import org.csonline.onboarding.support.UserInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Phone codes sent and checked while a person waits on a page and no process waits for them: the second factor of
 * every sign-in, a password reset, and the new phone registered at sign-in after staff removed a lost one. The
 * provider's failure is a message to try again, not a retry loop. (Sign-up's phone rounds, which a process waits
 * for, go through the send-phone-code job instead.)
 */
@Service
public class PhoneCodes {

    private static final Logger log = LoggerFactory.getLogger(PhoneCodes.class);

    private final PhoneVerification verification;

    public PhoneCodes(PhoneVerification verification) {
        this.verification = verification;
    }

    /** A code to a number the account already has; a refusal or failure is an error on the code field. */
    public void sendTo(String e164, PhoneChannel channel) {
        PhoneCodeOutcome outcome;
        try {
            outcome = verification.start(e164, channel);
        } catch (ProviderFailure e) {
            log.warn("Phone code not sent: {}", e.getMessage());
            throw new UserInputException("code", "phone.code.unavailable");
        }
        throwIfRefused(outcome);
    }

    /**
     * A code to a number just typed (checked as on the sign-up phone page); a refusal or failure is an error on the
     * number's field. Returns the number, parsed.
     */
    public PhoneNumber sendToNewNumber(String typedNumber, PhoneChannel channel) {
        PhoneNumber number = parse(typedNumber, channel);
        PhoneCodeOutcome outcome;
        try {
            outcome = verification.start(number.e164(), channel);
        } catch (ProviderFailure e) {
            log.warn("New phone code not sent: {}", e.getMessage());
            throw new UserInputException("phoneNumber", "phone.code.unavailable");
        }
        throwIfRefused(outcome);
        return number;
    }

    /** The code typed for the number. */
    public PhoneCheckResult check(String e164, String code) {
        if (code == null || code.isBlank()) {
            throw new UserInputException("code", "phone.code.required");
        }
        try {
            return verification.check(e164, code);
        } catch (ProviderFailure e) {
            log.warn("Phone code not checked: {}", e.getMessage());
            throw new UserInputException("code", "phone.code.unavailable");
        }
    }

    /** A number typed on a page, for the channel chosen: a landline cannot take a text. */
    public static PhoneNumber parse(String typedNumber, PhoneChannel channel) {
        PhoneNumber number = PhoneNumbers.parse(typedNumber);
        if (channel == PhoneChannel.SMS && !number.canReceiveTexts()) {
            throw new UserInputException("phoneNumber", "phone.number.landline");
        }
        return number;
    }

    static void throwIfRefused(PhoneCodeOutcome outcome) {
        Optional<UserInputException> refusal = outcome.asUserError();
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }
}
