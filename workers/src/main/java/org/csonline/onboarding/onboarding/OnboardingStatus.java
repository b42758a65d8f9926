package org.csonline.onboarding.onboarding;

/** Where an onboarding stands as a whole; the journey timeline has the detail. */
public enum OnboardingStatus {
    IN_PROGRESS, CANCELLED, DECLINED, COMPLETED, NOT_STARTED
}
