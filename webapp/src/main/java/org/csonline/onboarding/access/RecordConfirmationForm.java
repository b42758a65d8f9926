package org.csonline.onboarding.access;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import org.csonline.onboarding.web.Form;

/** Guide step 13: the record ticked, and "Yes" to "Is this the record?"; any other answer stops here. */
record RecordConfirmationForm(
        @NotEmpty(message = "setup.record.required") String recordSelected,
        @NotEmpty(message = "setup.confirm.required") @Pattern(regexp = "|yes", message = "setup.confirm.notYes")
        String confirmRecord) implements Form {

    RecordConfirmationForm {
        recordSelected = Form.orEmpty(recordSelected);
        confirmRecord = Form.orEmpty(confirmRecord);
    }
}
