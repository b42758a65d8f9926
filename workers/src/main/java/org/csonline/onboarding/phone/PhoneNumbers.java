package org.csonline.onboarding.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import org.csonline.onboarding.support.UserInputException;

/** Reads phone numbers as people type them: UK numbers by default, international ones with a leading +. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "GB";

    private PhoneNumbers() {
    }

    public static PhoneNumber parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new UserInputException("phoneNumber", "phone.number.required");
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(typed.strip(), DEFAULT_REGION);
            if (!UTIL.isValidNumber(number)) {
                throw new UserInputException("phoneNumber", "phone.number.invalid");
            }
            boolean landline = UTIL.getNumberType(number) == PhoneNumberType.FIXED_LINE;
            return new PhoneNumber(UTIL.format(number, PhoneNumberFormat.E164), !landline);
        } catch (NumberParseException e) {
            throw new UserInputException("phoneNumber", "phone.number.invalid");
        }
    }
}
