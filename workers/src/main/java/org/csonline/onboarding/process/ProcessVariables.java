package org.csonline.onboarding.process;

/**
 * Names of the process variables the code sets in maps, as bpmn/README.md lists them; a worker's {@code @Variable}
 * parameters name the ones it reads. ProcessContractTest checks both against the README and the model.
 */
public final class ProcessVariables {

    public static final String ONBOARDING_ID = "onboardingId";
    public static final String APPLICANT_EMAIL = "applicantEmail";
    public static final String RECORD_REFERENCE = "recordReference";
    public static final String RECORD_NAME = "recordName";
    public static final String CASEWORKER = "caseworker";
    public static final String APPLICANT_DETAILS_DUE = "applicantDetailsDue";
    public static final String APPLICANT_DETAILS_ENTERED = "applicantDetailsEntered";
    public static final String INVITATION_RELEASE_DELAY = "invitationReleaseDelay";
    public static final String SETUP_CODE_CONFIRMATION_DUE = "setupCodeConfirmationDue";
    public static final String SETUP_CODE_REMINDER_AT = "setupCodeReminderAt";
    public static final String SETUP_CODE_OUTCOME = "setupCodeOutcome";
    public static final String SETUP_CODE_ATTEMPT = "setupCodeAttempt";
    public static final String INVITATION_RELEASE_AT = "invitationReleaseAt";
    public static final String INVITATION_REMINDER_DELAY = "invitationReminderDelay";
    public static final String INVITATION_VALIDITY = "invitationValidity";
    public static final String CODE_ROUND_ABANDONMENT_DELAY = "codeRoundAbandonmentDelay";
    public static final String CANCELLATION_REASON = "cancellationReason";
    public static final String UNDELIVERABLE_EMAIL_KIND = "undeliverableEmailKind";
    public static final String ACCESS_REVIEW_DUE = "accessReviewDue";
    public static final String ACCESS_REVIEW_FOLLOW_UP = "accessReviewFollowUp";
    public static final String ACCESS_REVIEW_ESCALATED = "accessReviewEscalated";
    public static final String ACCESS_APPROVED = "accessApproved";
    public static final String ACCOUNT_ID = "accountId";
    public static final String EMAIL_CODE_REQUEST_ID = "emailCodeRequestId";
    public static final String PHONE_CODE_REQUEST_ID = "phoneCodeRequestId";
    public static final String PHONE_CODE_OUTCOME = "phoneCodeOutcome";
    public static final String PHONE_VERIFICATIONS = "phoneVerifications";
    public static final String PHONE_CODE_VERIFIED_REQUEST_ID = "phoneCodeVerifiedRequestId";

    private ProcessVariables() {
    }
}
