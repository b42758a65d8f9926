package org.csonline.onboarding.signup;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.csonline.onboarding.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Guide steps 11-12: a text ("Send Code") or a call ("Call me"). A number the provider refuses is an outcome, not a
 * failure: the process waits for the applicant's next request either way.
 */
@Component
public class SendPhoneCodeWorker {

    private final PhoneRounds phoneRounds;

    public SendPhoneCodeWorker(PhoneRounds phoneRounds) {
        this.phoneRounds = phoneRounds;
    }

    @JobWorker(type = "send-phone-code")
    public Map<String, Object> sendPhoneCode(@Variable long phoneCodeRequestId) {
        return Map.of(ProcessVariables.PHONE_CODE_OUTCOME, phoneRounds.send(phoneCodeRequestId).name());
    }
}
