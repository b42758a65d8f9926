package org.csonline.onboarding.support;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as typed, stripped and lower-cased once, so that lookups, rate limits and stored addresses all
 * agree on what "the same address" is. {@link #wellFormed()} is the one check every page makes of its shape.
 */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_LENGTH = 320;

    public EmailAddress {
        value = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    /** What a person typed, possibly nothing; never null. */
    public static EmailAddress typed(String typed) {
        return new EmailAddress(typed);
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    public boolean wellFormed() {
        return value.length() <= MAX_LENGTH && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
