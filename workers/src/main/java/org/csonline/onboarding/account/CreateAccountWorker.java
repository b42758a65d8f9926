package org.csonline.onboarding.account;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Guide step 10. */
@Component
public class CreateAccountWorker {

    private final AccountService accounts;

    public CreateAccountWorker(AccountService accounts) {
        this.accounts = accounts;
    }

    @JobWorker(type = "create-account")
    public Map<String, Object> createAccount(@Variable String onboardingId) {
        return Map.of("accountId", accounts.createFromSignup(UUID.fromString(onboardingId)).toString());
    }
}
