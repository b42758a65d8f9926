package org.csonline.onboarding.timeline;

import java.util.Arrays;
import java.util.Optional;

/** The model's step elements, each with the guide step it implements and how pages describe it. */
public enum JourneyStep {
    SEND_SETUP_EMAIL("Task_SendSetupEmail", 1, "Setup email sent"),
    CONFIRM_SETUP_CODE("UserTask_ConfirmSetupCode", 2, "Caseworker confirms the setup code"),
    SETUP_CODE_CHECKED("Boundary_SetupCodeChecked", 2, "Setup code checked"),
    CHECK_SETUP_CODE("Task_CheckSetupCode", 2, "Setup code checked"),
    CANCEL_ONBOARDING("Task_CancelOnboarding", 2, "Onboarding cancelled"),
    INVITATION_RELEASE("Timer_InvitationRelease", 3, "Waiting to send the invitation"),
    SEND_INVITATION_EMAIL("Task_SendInvitationEmail", 3, "Invitation email sent"),
    EXISTING_ACCOUNT_SIGNED_IN("Event_ExistingAccountSignedIn", 4, "Signed in with an existing account"),
    EMAIL_CODE_REQUESTED("Event_EmailCodeRequested", 6, "Verification code requested"),
    SEND_EMAIL_CODE("Task_SendEmailCode", 7, "Verification code emailed"),
    EMAIL_CODE_RESEND_REQUESTED("Event_EmailCodeResendRequested", 7, "New verification code requested"),
    EMAIL_VERIFIED("Event_EmailVerified", 9, "Email address verified"),
    ACCOUNT_DETAILS_SUBMITTED("Event_AccountDetailsSubmitted", 10, "Account details entered"),
    CREATE_ACCOUNT("Task_CreateAccount", 10, "Account created"),
    PHONE_CODE_REQUESTED("Event_PhoneCodeRequested", 11, "Phone code requested"),
    SEND_PHONE_CODE("Task_SendPhoneCode", 11, "Phone code sent"),
    PHONE_CODE_RESEND_REQUESTED("Event_PhoneCodeResendRequested", 11, "New phone code requested"),
    PHONE_CODE_VERIFIED("Event_PhoneCodeVerified", 12, "Phone code verified"),
    RECORD_CONFIRMATION_SUBMITTED("Event_RecordConfirmationSubmitted", 14, "Record confirmed and submitted"),
    REVIEW_ACCESS("UserTask_ReviewAccess", 15, "Access review"),
    ACCESS_REVIEW_DECIDED("Boundary_AccessReviewDecided", 15, "Access review decided"),
    GRANT_RECORD_ACCESS("Task_GrantRecordAccess", 15, "Record access granted"),
    ACTIVATE_ACCOUNT("Task_ActivateAccount", 15, "Account activated"),
    SEND_ACTIVATION_EMAIL("Task_SendActivationEmail", 15, "Activation email sent"),
    ACCOUNT_ACTIVATED("EndEvent_AccountActivated", 15, "Finished: account active"),
    ACCESS_DECLINED("EndEvent_AccessDeclined", 15, "Finished: access declined"),
    ONBOARDING_CANCELLED("EndEvent_OnboardingCancelled", 2, "Finished: onboarding cancelled"),
    REGISTER_ONBOARDING("Task_RegisterOnboarding", 1, "Onboarding registered from Tasklist"),
    ENTER_APPLICANT_DETAILS("UserTask_EnterApplicantDetails", 1, "Caseworker enters the applicant's details"),
    APPLICANT_DETAILS_ENTERED("Boundary_ApplicantDetailsEntered", 1, "Applicant's details entered"),
    CHECK_APPLICANT_DETAILS("Task_CheckApplicantDetails", 1, "Applicant's details looked for"),
    APPLICANT_DETAILS_OVERDUE("Boundary_ApplicantDetailsOverdue", 1, "Applicant's details not entered in time"),
    TASKLIST_START_DISCARDED("EndEvent_ApplicantDetailsNotEntered", 1, "Finished: the applicant's details were never entered"),
    SETUP_CODE_REMINDER("Boundary_SetupCodeReminder", 2, "Setup code not confirmed yet: reminder due"),
    REMIND_CASEWORKER_OF_SETUP_CODE("Task_RemindCaseworkerOfSetupCode", 2, "Caseworker reminded to confirm the setup code"),
    SETUP_CODE_REMINDER_SENT("EndEvent_SetupCodeReminderSent", 2, "Caseworker reminded"),
    SETUP_CODE_EXPIRED("Boundary_SetupCodeExpired", 2, "Setup code expired"),
    NOTIFY_CASEWORKER_OF_CANCELLATION("Task_NotifyCaseworkerOfCancellation", 2, "Caseworker told the onboarding ended"),
    PLAN_INVITATION_RELEASE("Task_PlanInvitationRelease", 3, "Invitation release planned (working days)"),
    INVITATION_REMINDER("Boundary_InvitationReminder", 3, "Invitation not used yet: reminder due"),
    SEND_INVITATION_REMINDER("Task_SendInvitationReminder", 3, "Invitation reminder emailed"),
    INVITATION_REMINDER_SENT("EndEvent_InvitationReminderSent", 3, "Applicant reminded"),
    INVITATION_EXPIRED("Boundary_InvitationExpired", 3, "Invitation expired"),
    SIGN_UP_ABANDONED("Boundary_SignUpAbandoned", 8, "Sign-up abandoned"),
    EMAIL_CODE_ABANDONED("Timer_EmailCodeAbandoned", 8, "No email code verified for too long"),
    EMAIL_CODE_ROUND_ABANDONED("EndEvent_EmailCodeAbandoned", 8, "Sign-up abandoned at the email code"),
    PHONE_CODE_ABANDONED("Timer_PhoneCodeAbandoned", 12, "No phone code verified for too long"),
    PHONE_CODE_ROUND_ABANDONED("EndEvent_PhoneCodeAbandoned", 12, "Sign-up abandoned at the phone code"),
    APPLICANT_SUBMITTED("EndEvent_ApplicantSubmitted", 14, "Applicant's part done"),
    ACCESS_REVIEW_OVERDUE("Boundary_AccessReviewOverdue", 15, "Access review overdue"),
    ESCALATE_ACCESS_REVIEW("Task_EscalateAccessReview", 15, "Managers told the review is overdue"),
    ACCESS_REVIEW_ESCALATED("EndEvent_AccessReviewEscalated", 15, "Access review escalated"),
    SEND_ACCESS_DECLINED_EMAIL("Task_SendAccessDeclinedEmail", 15, "Access declined email sent"),
    CANCEL_ONBOARDING_ON_REQUEST("Task_CancelOnboardingOnRequest", 2, "Onboarding cancelled by the caseworker"),
    ONBOARDING_CANCELLED_BY_CASEWORKER("EndEvent_OnboardingCancelledByCaseworker", 2,
            "Finished: cancelled by the caseworker"),
    NOTIFY_CASEWORKER_OF_UNDELIVERABLE_EMAIL("Task_NotifyCaseworkerOfUndeliverableEmail", 1,
            "Caseworker told an email could not be delivered"),
    CASEWORKER_TOLD_OF_UNDELIVERABLE_EMAIL("EndEvent_CaseworkerToldOfUndeliverableEmail", 1,
            "Email undeliverable: caseworker told");

    /** Steps beside the journey (reminders, notices, escalation): they say nothing about where the applicant is. */
    private static final java.util.Set<String> SIDE_STEPS = java.util.Set.of(
            "Boundary_SetupCodeReminder", "Task_RemindCaseworkerOfSetupCode", "EndEvent_SetupCodeReminderSent",
            "Boundary_InvitationReminder", "Task_SendInvitationReminder", "EndEvent_InvitationReminderSent",
            "Boundary_AccessReviewOverdue", "Task_EscalateAccessReview", "EndEvent_AccessReviewEscalated",
            "Task_NotifyCaseworkerOfUndeliverableEmail", "EndEvent_CaseworkerToldOfUndeliverableEmail");

    private final String elementId;
    private final int guideStep;
    private final String description;

    JourneyStep(String elementId, int guideStep, String description) {
        this.elementId = elementId;
        this.guideStep = guideStep;
        this.description = description;
    }

    public String elementId() {
        return elementId;
    }

    public int guideStep() {
        return guideStep;
    }

    public String description() {
        return description;
    }

    /** Whether this step runs beside the journey, so it is not "where the onboarding is". */
    public boolean isSideStep() {
        return SIDE_STEPS.contains(elementId);
    }

    /** Elements of a phone code round, which the model runs once for guide step 11 and again for step 12. */
    public boolean isPhoneRound() {
        return this == PHONE_CODE_REQUESTED || this == SEND_PHONE_CODE || this == PHONE_CODE_RESEND_REQUESTED
                || this == PHONE_CODE_VERIFIED || this == PHONE_CODE_ABANDONED || this == PHONE_CODE_ROUND_ABANDONED;
    }

    public static Optional<JourneyStep> ofElement(String elementId) {
        return Arrays.stream(values()).filter(s -> s.elementId.equals(elementId)).findFirst();
    }
}
