package org.csonline.onboarding.staff;

import jakarta.validation.constraints.NotBlank;
import org.csonline.onboarding.web.Form;

/** Why a reviewer declines, which the caseworker passes on; the service limits its length. */
record DeclineForm(@NotBlank(message = "review.decline.reasonRequired") String declineReason) implements Form {

    DeclineForm {
        declineReason = Form.orEmpty(declineReason);
    }
}
