package org.csonline.onboarding.phone;

import java.util.Locale;
import org.csonline.onboarding.outbox.Channel;

/** "Send Code" is a text message, "Call me" a voice call that reads the code out. */
public enum PhoneChannel {
    SMS, CALL;

    public Channel outboxChannel() {
        return this == SMS ? Channel.SMS : Channel.CALL;
    }

    /** Twilio Verify's name for the channel, also the form value of the two buttons. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PhoneChannel fromId(String id) {
        return "call".equalsIgnoreCase(id) ? CALL : SMS;
    }
}
