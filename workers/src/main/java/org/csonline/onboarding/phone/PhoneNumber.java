package org.csonline.onboarding.phone;

/** A number in E.164 form, and whether it can receive texts (landlines cannot: they are offered "Call me"). */
public record PhoneNumber(String e164, boolean canReceiveTexts) {

    /** For pages: enough to recognise the number, not enough to learn it. */
    public String masked() {
        return mask(e164);
    }

    public static String mask(String e164) {
        if (e164 == null || e164.length() < 6) {
            return "";
        }
        return e164.substring(0, 3) + "*".repeat(e164.length() - 6) + e164.substring(e164.length() - 3);
    }
}
