package org.csonline.onboarding.account;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import java.util.UUID;
import org.csonline.onboarding.email.EmailKind;
import org.csonline.onboarding.email.EmailService;
import org.csonline.onboarding.onboarding.Onboarding;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.onboarding.OnboardingService;
import org.csonline.onboarding.progress.ProgressLinks;
import org.csonline.onboarding.support.CouncilProperties;
import org.springframework.stereotype.Component;

/** Guide step 15: "New Children's Services Online activation". */
@Component
public class SendActivationEmailWorker {

    private final AccountRepository accounts;
    private final OnboardingRepository onboardings;
    private final OnboardingService onboardingService;
    private final EmailService email;
    private final CouncilProperties council;
    private final ProgressLinks progressLinks;

    public SendActivationEmailWorker(AccountRepository accounts, OnboardingRepository onboardings,
            OnboardingService onboardingService, EmailService email, CouncilProperties council,
            ProgressLinks progressLinks) {
        this.accounts = accounts;
        this.onboardings = onboardings;
        this.onboardingService = onboardingService;
        this.email = email;
        this.council = council;
        this.progressLinks = progressLinks;
    }

    @JobWorker(type = "send-activation-email")
    public void sendActivationEmail(@Variable String onboardingId, @Variable String accountId) {
        Account account = accounts.get(UUID.fromString(accountId));
        Onboarding onboarding = onboardings.get(UUID.fromString(onboardingId));
        email.sendOnce(onboarding.id(), "activation-email:" + onboardingId, account.email(), EmailKind.ACTIVATION,
                Map.of(
                "givenName", account.givenName(),
                "recordName", onboarding.recordName(),
                "link", council.baseUrl() + "/sign-in",
                "progressLink", progressLinks.linkFor(onboarding.id())));
        onboardingService.complete(onboarding.id());
    }
}
