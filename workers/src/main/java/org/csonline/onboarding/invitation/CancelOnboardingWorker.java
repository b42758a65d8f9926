package org.csonline.onboarding.invitation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.UUID;
import org.csonline.onboarding.onboarding.CancellationReason;
import org.csonline.onboarding.onboarding.OnboardingService;
import org.springframework.stereotype.Component;

/** Ends an onboarding: its setup code and link stop working, and the reason is kept for the caseworker. */
@Component
public class CancelOnboardingWorker {

    private final OnboardingService onboardings;
    private final SetupCodeService setupCodes;
    private final InvitationService invitations;

    public CancelOnboardingWorker(OnboardingService onboardings, SetupCodeService setupCodes, InvitationService invitations) {
        this.onboardings = onboardings;
        this.setupCodes = setupCodes;
        this.invitations = invitations;
    }

    @JobWorker(type = "cancel-onboarding")
    public void cancelOnboarding(@Variable String onboardingId, @Variable CancellationReason cancellationReason) {
        UUID id = UUID.fromString(onboardingId);
        setupCodes.invalidate(id);
        invitations.invalidate(id);
        onboardings.cancel(id, cancellationReason);
    }
}
