package org.csonline.onboarding.onboarding;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why an onboarding ended before it finished: the process variable {@code cancellationReason} and the onboarding's
 * stored reason, by name. A caseworker may invite again with one action after the reinvitable ones.
 */
public enum CancellationReason {
    SETUP_CODE_LOCKED(false, false),
    SETUP_CODE_EXPIRED(true, true),
    INVITATION_EXPIRED(true, true),
    SIGN_UP_ABANDONED(false, true),
    CANCELLED_BY_CASEWORKER(false, false),
    /** Stored with the status DECLINED; never a process variable. */
    ACCESS_DECLINED(false, false),
    /** Stored by older releases when the process could not be started; rows may still hold it. */
    PROCESS_NOT_STARTED(false, false);

    private final boolean expiry;
    private final boolean reinvitable;

    CancellationReason(boolean expiry, boolean reinvitable) {
        this.expiry = expiry;
        this.reinvitable = reinvitable;
    }

    /** The onboarding ran out of time, as opposed to being stopped. */
    public boolean expiry() {
        return expiry;
    }

    public boolean reinvitable() {
        return reinvitable;
    }

    /** The reason a stored or received name stands for; empty for none, or for a name this release does not know. */
    public static Optional<CancellationReason> of(String name) {
        return Arrays.stream(values()).filter(reason -> reason.name().equals(name)).findFirst();
    }
}
