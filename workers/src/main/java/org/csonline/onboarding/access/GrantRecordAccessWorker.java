package org.csonline.onboarding.access;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Guide step 15: an approved review gives the account the record. */
@Component
public class GrantRecordAccessWorker {

    private final RecordAccessService access;

    public GrantRecordAccessWorker(RecordAccessService access) {
        this.access = access;
    }

    @JobWorker(type = "grant-record-access")
    public void grantRecordAccess(@Variable String onboardingId, @Variable String accountId) {
        access.grant(UUID.fromString(onboardingId), UUID.fromString(accountId));
    }
}
