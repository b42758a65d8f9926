package org.csonline.onboarding.process;

/** Every message the onboarding process catches; names as in bpmn/README.md. */
public enum ProcessMessage {
    /** The caseworker entered the applicant's details on the staff page for an onboarding started in Tasklist. */
    APPLICANT_DETAILS_ENTERED("applicant-details-entered"),
    /** The applicant read the code from the setup email, sent by a job that may not have completed yet. */
    SETUP_CODE_CHECKED("setup-code-checked"),
    EXISTING_ACCOUNT_SIGNED_IN("existing-account-signed-in"),
    /** The invitation link arrives in an email sent by a job that may not have completed yet. */
    EMAIL_CODE_REQUESTED("email-code-requested"),
    EMAIL_VERIFIED("email-verified"),
    ACCOUNT_DETAILS_SUBMITTED("account-details-submitted"),
    /** The phone page follows the details page at once, while the create-account job may still run. */
    PHONE_CODE_REQUESTED("phone-code-requested"),
    PHONE_CODE_VERIFIED("phone-code-verified"),
    RECORD_CONFIRMATION_SUBMITTED("record-confirmation-submitted"),
    ACCESS_REVIEW_DECIDED("access-review-decided"),
    ONBOARDING_CANCELLED("onboarding-cancelled"),
    /** SendGrid reported an onboarding email bounced or dropped (event webhook); carries the email's kind. */
    EMAIL_UNDELIVERABLE("email-undeliverable");

    private final String messageName;

    ProcessMessage(String messageName) {
        this.messageName = messageName;
    }

    public String messageName() {
        return messageName;
    }
}
