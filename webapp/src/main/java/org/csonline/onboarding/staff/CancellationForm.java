package org.csonline.onboarding.staff;

import jakarta.validation.constraints.NotBlank;
import org.csonline.onboarding.web.Form;

/** The caseworker's words on why they cancel, which the service keeps and limits in length. */
record CancellationForm(@NotBlank(message = "onboarding.cancel.reasonRequired") String cancellationNote)
        implements Form {

    CancellationForm {
        cancellationNote = Form.orEmpty(cancellationNote);
    }
}
