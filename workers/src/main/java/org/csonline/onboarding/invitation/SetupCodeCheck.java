package org.csonline.onboarding.invitation;

/** A checked setup code and, when it was wrong, how many tries are left before the invitation is cancelled. */
public record SetupCodeCheck(SetupCodeOutcome outcome, int triesLeft) {
}
