package org.csonline.onboarding.account;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Guide step 15. */
@Component
public class ActivateAccountWorker {

    private final AccountService accounts;

    public ActivateAccountWorker(AccountService accounts) {
        this.accounts = accounts;
    }

    @JobWorker(type = "activate-account")
    public void activateAccount(@Variable String onboardingId, @Variable String accountId) {
        accounts.activate(UUID.fromString(accountId), UUID.fromString(onboardingId));
    }
}
