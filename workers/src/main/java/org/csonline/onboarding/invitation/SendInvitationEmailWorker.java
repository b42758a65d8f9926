package org.csonline.onboarding.invitation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Guide step 3. */
@Component
public class SendInvitationEmailWorker {

    private final InvitationService invitations;

    public SendInvitationEmailWorker(InvitationService invitations) {
        this.invitations = invitations;
    }

    @JobWorker(type = "send-invitation-email")
    public void sendInvitationEmail(@Variable String onboardingId) {
        invitations.createAndSend(UUID.fromString(onboardingId));
    }
}
