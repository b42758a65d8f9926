package org.csonline.onboarding.invitation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Guide step 1. */
@Component
public class SendSetupEmailWorker {

    private final SetupCodeService setupCodes;

    public SendSetupEmailWorker(SetupCodeService setupCodes) {
        this.setupCodes = setupCodes;
    }

    @JobWorker(type = "send-setup-email")
    public void sendSetupEmail(@Variable String onboardingId) {
        setupCodes.createAndSend(UUID.fromString(onboardingId));
    }
}
