package org.csonline.onboarding.invitation;

/** Result of checking the setup code a caseworker typed (guide step 2); the names are the process's values. */
public enum SetupCodeOutcome {
    CONFIRMED, WRONG, LOCKED, NOT_READY
}
