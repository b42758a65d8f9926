package org.csonline.onboarding.staff;

import jakarta.validation.constraints.NotBlank;
import org.csonline.onboarding.onboarding.NewOnboarding;
import org.csonline.onboarding.web.Form;
import org.csonline.onboarding.web.WellFormedEmail;

/** Guide step 1's form: the applicant's address and the record they will see, all checked before anything starts. */
record NewOnboardingForm(
        @NotBlank(message = "onboarding.email.required") @WellFormedEmail(message = "onboarding.email.invalid")
        String applicantEmail,
        @NotBlank(message = "onboarding.recordReference.required") String recordReference,
        @NotBlank(message = "onboarding.recordName.required") String recordName) implements Form {

    NewOnboardingForm {
        applicantEmail = Form.orEmpty(applicantEmail);
        recordReference = Form.orEmpty(recordReference);
        recordName = Form.orEmpty(recordName);
    }

    NewOnboarding onboarding() {
        return new NewOnboarding(applicantEmail, recordReference, recordName);
    }
}
