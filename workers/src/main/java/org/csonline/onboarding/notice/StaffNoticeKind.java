package org.csonline.onboarding.notice;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a staff notice tells, by the name stored in {@code staff_notice.notice} and given by the process variable
 * {@code caseworkerNotice}; the one wording the staff pages and the staff emails show.
 */
public enum StaffNoticeKind {
    SETUP_CODE_REMINDER("The applicant has not read the setup code back to you yet. Contact them, or wait: the code "
            + "expires in a few weeks."),
    SETUP_CODE_LOCKED("The setup code was entered wrongly %d times, so the invitation was cancelled."),
    SETUP_CODE_EXPIRED("The setup code expired before it was confirmed. You can invite the applicant again with one "
            + "click."),
    INVITATION_EXPIRED("The invitation expired before the applicant finished. You can invite them again with one "
            + "click."),
    SIGN_UP_ABANDONED("The applicant stopped part-way through signing up, so the invitation was cancelled. You can "
            + "invite them again with one click."),
    CANCELLED_BY_CASEWORKER("The onboarding was cancelled."),
    EMAIL_UNDELIVERABLE("An email to the applicant could not be delivered. Check the email address with them."),
    ACCESS_REVIEW_OVERDUE("An access review is overdue. Please make sure a reviewer decides it."),
    ACCESS_DECLINED("A reviewer declined the applicant's access request. Tell the applicant why: their email says "
            + "you can explain. The reason is on the onboarding's page.");

    /** Said for a stored notice this release does not know. */
    public static final String UNKNOWN = "There is news about one of your onboardings.";

    private final String wording;

    StaffNoticeKind(String wording) {
        this.wording = wording;
    }

    /** The notice in words, with the configured number of wrong setup codes that lock one. */
    public String text(int setupCodeMaxWrong) {
        return wording.formatted(setupCodeMaxWrong);
    }

    /** The kind a stored name stands for; empty for a name this release does not know. */
    public static Optional<StaffNoticeKind> of(String name) {
        return Arrays.stream(values()).filter(kind -> kind.name().equals(name)).findFirst();
    }
}
