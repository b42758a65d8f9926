package org.csonline.onboarding.access;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import java.util.UUID;
import org.csonline.onboarding.email.EmailKind;
import org.csonline.onboarding.email.EmailService;
import org.csonline.onboarding.onboarding.Onboarding;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.springframework.stereotype.Component;

/** Guide step 15: a kind, clear email when the review declines access. */
@Component
public class SendAccessDeclinedEmailWorker {

    private final OnboardingRepository onboardings;
    private final EmailService email;

    public SendAccessDeclinedEmailWorker(OnboardingRepository onboardings, EmailService email) {
        this.onboardings = onboardings;
        this.email = email;
    }

    @JobWorker(type = "send-access-declined-email")
    public void sendAccessDeclinedEmail(@Variable String onboardingId) {
        Onboarding onboarding = onboardings.get(UUID.fromString(onboardingId));
        email.sendOnce(onboarding.id(), "access-declined-email:" + onboardingId, onboarding.applicantEmail(),
                EmailKind.ACCESS_DECLINED, Map.<String, Object>of("recordName", onboarding.recordName()));
    }
}
