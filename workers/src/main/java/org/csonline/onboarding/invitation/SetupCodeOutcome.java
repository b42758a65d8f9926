package org.csonline.onboarding.invitation;

/**
 * Result of checking the setup code a caseworker typed (guide step 2); the names are the process's values.
 * NOT_CONFIRMED: the caseworker completed the Tasklist task, but nobody has confirmed the code on the staff page yet.
 */
public enum SetupCodeOutcome {
    CONFIRMED, WRONG, LOCKED, NOT_READY, NOT_CONFIRMED
}
