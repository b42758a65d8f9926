package org.csonline.onboarding.process;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Durations the process model reads through variables (see bpmn/README.md). Those marked "working days" count their
 * whole days as working days (weekends and England-and-Wales bank holidays skipped).
 *
 * @param invitationReleaseDelay       wait before the invitation email (step 3), working days
 * @param setupCodeConfirmationPeriod  due date of the confirmation task; the setup code expires then
 * @param accessReviewPeriod           due date of the access review, working days; then it is escalated
 * @param messageTtl                   how long a message waits for its catch event. Every catch event opens after
 *                                     a job (at least the timeline's start listener), and a job whose completion
 *                                     was lost in an outage runs again only after its timeout: so above the job
 *                                     timeout. The engine keeps a message for its whole TTL, even after it correlated
 * @param setupCodeReminderDelay       when the caseworker is reminded to confirm the setup code, working days
 * @param invitationReminderDelay      when the applicant is reminded of an unused invitation
 * @param codeRoundAbandonmentDelay    silence after which an email or phone code round counts as abandoned
 */
@ConfigurationProperties("cso.process")
public record ProcessProperties(
        Duration invitationReleaseDelay,
        Duration setupCodeConfirmationPeriod,
        Duration accessReviewPeriod,
        Duration messageTtl,
        Duration setupCodeReminderDelay,
        Duration invitationReminderDelay,
        Duration codeRoundAbandonmentDelay) {

    public ProcessProperties {
        setupCodeReminderDelay = setupCodeReminderDelay == null ? Duration.ofDays(3) : setupCodeReminderDelay;
        invitationReminderDelay = invitationReminderDelay == null ? Duration.ofDays(7) : invitationReminderDelay;
        codeRoundAbandonmentDelay = codeRoundAbandonmentDelay == null ? Duration.ofHours(24) : codeRoundAbandonmentDelay;
        messageTtl = messageTtl == null ? Duration.ofMinutes(10) : messageTtl;
    }
}
