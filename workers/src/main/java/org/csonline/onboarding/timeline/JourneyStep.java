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
    ONBOARDING_CANCELLED("EndEvent_OnboardingCancelled", 2, "Finished: onboarding cancelled");

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

    public static Optional<JourneyStep> ofElement(String elementId) {
        return Arrays.stream(values()).filter(s -> s.elementId.equals(elementId)).findFirst();
    }
}
