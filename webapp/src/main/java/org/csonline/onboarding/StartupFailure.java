package org.csonline.onboarding;

/** A reason the app cannot start that tells the person starting it what to do; shown instead of a stack trace. */
public class StartupFailure extends RuntimeException {

    public StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
