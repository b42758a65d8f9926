package org.csonline.onboarding.email;

/** Each email the journey sends; subjects are the council guide's, word for word. */
public enum EmailKind {
    SETUP("setup", "Set up your %2$s Account"),
    INVITATION("invitation", "Accept %2$s Account Invitation"),
    VERIFICATION_CODE("verification-code", "%1$s account verification code"),
    ACTIVATION("activation", "New %2$s activation"),
    INVITATION_REMINDER("invitation-reminder", "Reminder: your %2$s Account invitation is waiting"),
    ACCESS_DECLINED("access-declined", "Your %2$s account request"),
    STAFF_NOTICE("staff-notice", "%2$s: an onboarding needs your attention"),
    PASSWORD_RESET_CODE("password-reset-code", "%1$s account password reset code"),
    PASSWORD_CHANGED("password-changed", "Your %1$s account password has been changed");

    private final String template;
    private final String subjectPattern;

    EmailKind(String template, String subjectPattern) {
        this.template = template;
        this.subjectPattern = subjectPattern;
    }

    public String template() {
        return template;
    }

    /** SendGrid category, so each kind can be followed in SendGrid's statistics. */
    public String category() {
        return "cso-" + template;
    }

    /** The subject with the council's name and the portal's name filled in. */
    public String subject(String councilName, String portalName) {
        return subjectPattern.formatted(councilName, portalName);
    }
}
