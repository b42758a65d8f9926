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
 * @param messageTtl                   how long a message waits for a catch event that opens after the engine's own
 *                                     steps only ({@link ProcessMessage.Gap#ENGINE})
 * @param messageTtlAfterJob           how long a message waits for a catch event that opens after a job completes
 *                                     ({@link ProcessMessage.Gap#JOB}); above the job timeout, so a job taken over
 *                                     after a lost completion still finds it
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
        Duration codeRoundAbandonmentDelay,
        Duration messageTtlAfterJob) {

    public ProcessProperties {
        setupCodeReminderDelay = setupCodeReminderDelay == null ? Duration.ofDays(3) : setupCodeReminderDelay;
        invitationReminderDelay = invitationReminderDelay == null ? Duration.ofDays(7) : invitationReminderDelay;
        codeRoundAbandonmentDelay = codeRoundAbandonmentDelay == null ? Duration.ofHours(24) : codeRoundAbandonmentDelay;
        messageTtl = messageTtl == null ? Duration.ofMinutes(1) : messageTtl;
        messageTtlAfterJob = messageTtlAfterJob == null ? Duration.ofMinutes(10) : messageTtlAfterJob;
    }

    /** The time to live of a message: the gap it must cover before its catch event opens, and no more. */
    public Duration messageTtl(ProcessMessage message) {
        return message.gap() == ProcessMessage.Gap.JOB ? messageTtlAfterJob : messageTtl;
    }
}
