package org.csonline.onboarding.delivery;

import java.util.regex.Pattern;

/**
 * A provider (SendGrid, Twilio) did not take a message. The message is what an operator reads in Operate, so it
 * never holds personal data: provider texts pass through {@link #scrub(String)}.
 */
public class ProviderFailure extends RuntimeException {

    private static final Pattern EMAIL = Pattern.compile("[^\\s<>\"'@]+@[^\\s<>\"'@]+");
    private static final Pattern NUMBER = Pattern.compile("\\+?\\d[\\d ()-]{6,}\\d");
    private static final int MAX_TEXT = 300;

    /** Transient failures are retried with backoff; permanent ones become an incident at once. */
    public enum Kind { TRANSIENT, PERMANENT }

    private final Kind kind;
    private final int failures;

    public ProviderFailure(Kind kind, String message, Throwable cause) {
        this(kind, message, cause, 0);
    }

    private ProviderFailure(Kind kind, String message, Throwable cause, int failures) {
        super(message, cause);
        this.kind = kind;
        this.failures = failures;
    }

    public static ProviderFailure transientFailure(String message) {
        return new ProviderFailure(Kind.TRANSIENT, message, null);
    }

    public static ProviderFailure permanentFailure(String message) {
        return new ProviderFailure(Kind.PERMANENT, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** How many times this delivery has failed so far, this failure included (0 when not counted by the ledger). */
    public int failures() {
        return failures;
    }

    ProviderFailure counted(int failuresSoFar) {
        return new ProviderFailure(kind, getMessage(), getCause(), failuresSoFar);
    }

    /** A provider's own words without anything that looks like an email address or a phone number. */
    public static String scrub(String providerText) {
        if (providerText == null) {
            return "";
        }
        String scrubbed = NUMBER.matcher(EMAIL.matcher(providerText).replaceAll("[address]")).replaceAll("[number]")
                .replaceAll("\\s+", " ").strip();
        return scrubbed.length() > MAX_TEXT ? scrubbed.substring(0, MAX_TEXT) + "..." : scrubbed;
    }
}
