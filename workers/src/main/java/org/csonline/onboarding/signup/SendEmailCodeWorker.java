package org.csonline.onboarding.signup;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** Guide step 7. */
@Component
public class SendEmailCodeWorker {

    private final EmailCodeService emailCodes;

    public SendEmailCodeWorker(EmailCodeService emailCodes) {
        this.emailCodes = emailCodes;
    }

    @JobWorker(type = "send-email-code")
    public void sendEmailCode(@Variable long emailCodeRequestId) {
        emailCodes.send(emailCodeRequestId);
    }
}
