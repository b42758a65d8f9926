package org.csonline.onboarding.outbox;

/** How a message reaches a person. */
public enum Channel {
    EMAIL, SMS, CALL;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
