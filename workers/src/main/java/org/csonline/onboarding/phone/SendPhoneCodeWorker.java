package org.csonline.onboarding.phone;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** Guide steps 11-12: a text ("Send Code") or a call ("Call me"). */
@Component
public class SendPhoneCodeWorker {

    private final PhoneCodeService phoneCodes;

    public SendPhoneCodeWorker(PhoneCodeService phoneCodes) {
        this.phoneCodes = phoneCodes;
    }

    @JobWorker(type = "send-phone-code")
    public void sendPhoneCode(@Variable long phoneCodeRequestId) {
        phoneCodes.send(phoneCodeRequestId);
    }
}
