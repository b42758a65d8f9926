package org.csonline.onboarding.staff;

import jakarta.validation.constraints.NotBlank;
import org.csonline.onboarding.web.Form;

/** Guide step 2: the code the applicant reads out; an empty box is not a wrong code and costs no try. */
record SetupCodeForm(@NotBlank(message = "setupCode.required") String setupCode) implements Form {

    SetupCodeForm {
        setupCode = Form.orEmpty(setupCode);
    }
}
