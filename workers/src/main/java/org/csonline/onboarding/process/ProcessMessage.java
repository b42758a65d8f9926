package org.csonline.onboarding.process;

/**
 * Every message the onboarding process catches; names as in bpmn/README.md. Each says what its catch event may still
 * be waiting for when the message is published, which sizes its time to live (the engine keeps every message for its
 * whole TTL, even after it correlated, and each one it keeps slows the embedded engine).
 */
public enum ProcessMessage {
    /** The caseworker entered the applicant's details on the staff page for an onboarding started in Tasklist. */
    APPLICANT_DETAILS_ENTERED("applicant-details-entered", Gap.ENGINE),
    /** The applicant read the code from the setup email, sent by a job that may not have completed yet. */
    SETUP_CODE_CHECKED("setup-code-checked", Gap.JOB),
    EXISTING_ACCOUNT_SIGNED_IN("existing-account-signed-in", Gap.JOB),
    /** The invitation link arrives in an email sent by a job that may not have completed yet. */
    EMAIL_CODE_REQUESTED("email-code-requested", Gap.JOB),
    EMAIL_VERIFIED("email-verified", Gap.JOB),
    ACCOUNT_DETAILS_SUBMITTED("account-details-submitted", Gap.ENGINE),
    /** The phone page follows the details page at once, while the create-account job may still run. */
    PHONE_CODE_REQUESTED("phone-code-requested", Gap.JOB),
    PHONE_CODE_VERIFIED("phone-code-verified", Gap.JOB),
    RECORD_CONFIRMATION_SUBMITTED("record-confirmation-submitted", Gap.ENGINE),
    ACCESS_REVIEW_DECIDED("access-review-decided", Gap.ENGINE),
    ONBOARDING_CANCELLED("onboarding-cancelled", Gap.ENGINE),
    /** SendGrid reported an onboarding email bounced or dropped (event webhook); carries the email's kind. */
    EMAIL_UNDELIVERABLE("email-undeliverable", Gap.ENGINE);

    /** What may stand between the publish and the catch event's subscription. */
    public enum Gap {
        /** Only the engine's own steps and the timeline listeners: seconds. */
        ENGINE,
        /** A job that has done its visible work (an email or code sent) but may still have to complete, or be taken
         * over after its timeout when its completion was lost. */
        JOB
    }

    private final String messageName;
    private final Gap gap;

    ProcessMessage(String messageName, Gap gap) {
        this.messageName = messageName;
        this.gap = gap;
    }

    public String messageName() {
        return messageName;
    }

    public Gap gap() {
        return gap;
    }

    /** The message of a stored process command, by the name it is published under. */
    public static ProcessMessage named(String messageName) {
        for (ProcessMessage message : values()) {
            if (message.messageName.equals(messageName)) {
                return message;
            }
        }
        throw new IllegalArgumentException("No process message is named " + messageName);
    }
}
