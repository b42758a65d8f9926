package org.csonline.onboarding.web;

import java.util.UUID;

/** Thrown when an applicant page is opened without the onboarding it belongs to; shows how to get back in. */
public class JourneyGuard extends RuntimeException {

    public JourneyGuard() {
        super("No onboarding in this session");
    }

    public static UUID onboarding(ApplicantSession session) {
        return session.onboardingId().orElseThrow(JourneyGuard::new);
    }
}
