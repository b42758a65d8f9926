package org.csonline.onboarding.invitation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Guide step 3: one reminder while the invitation link is unused. */
@Component
public class SendInvitationReminderWorker {

    private final InvitationService invitations;

    public SendInvitationReminderWorker(InvitationService invitations) {
        this.invitations = invitations;
    }

    @JobWorker(type = "send-invitation-reminder")
    public void sendInvitationReminder(@Variable String onboardingId) {
        invitations.sendReminder(UUID.fromString(onboardingId));
    }
}
