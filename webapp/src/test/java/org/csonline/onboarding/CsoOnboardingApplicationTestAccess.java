package org.csonline.onboarding;

/** Lets tests in other packages reach the application's package-private helpers. */
public final class CsoOnboardingApplicationTestAccess {

    private CsoOnboardingApplicationTestAccess() {
    }

    public static String reason(Throwable e) {
        return CsoOnboardingApplication.reason(e);
    }
}
