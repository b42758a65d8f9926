package org.csonline.onboarding.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The manager's view of the service over a period: every figure the page, its charts and the CSV show. */
record Dashboard(Period period, List<StepCount> funnel, List<Outcome> outcomes, List<StepTime> stepTimes,
        List<PeopleWait> peopleWaits, Promises promises, List<OverdueItem> overdue, List<WeekCount> weeks) {

    /** Onboardings started from {@code from} (inclusive) to {@code to}. */
    record Period(int weeks, Instant from, Instant to) {
    }

    /** How many onboardings reached a guide step; {@code recordedWith} names the step it is recorded with. */
    record StepCount(int step, long onboardings, Integer recordedWith) {
    }

    /** Where onboardings ended: {@code key} is a status, or a status and reason ("CANCELLED.SIGN_UP_ABANDONED"). */
    record Outcome(String key, long onboardings) {
    }

    /** Time from reaching a step to reaching the next, for onboardings that went on. */
    record StepTime(int step, boolean waitsOnPeople, Percentiles time) {
    }

    /** One of the waits on a person, measured from our own tables. */
    record PeopleWait(String key, Percentiles time) {
    }

    /**
     * Promises kept: reviews decided by their working-day due date, and invitations used before the reminder, each
     * out of those already settled one way or the other.
     */
    record Promises(long reviewsDecided, long reviewsInTime, long invitationsSettled, long invitationsBeforeReminder) {

        public Integer reviewsInTimePercent() {
            return percent(reviewsInTime, reviewsDecided);
        }

        public Integer invitationsBeforeReminderPercent() {
            return percent(invitationsBeforeReminder, invitationsSettled);
        }

        private static Integer percent(long part, long whole) {
            return whole == 0 ? null : (int) Math.round(100.0 * part / whole);
        }
    }

    /** Something overdue today: an access review, a setup code not confirmed, an invitation not used. */
    record OverdueItem(String kind, UUID onboardingId, String recordName, Instant due) {
    }

    /** One week (starting Monday) of the trend. */
    record WeekCount(LocalDate weekStart, long started, long activated) {
    }
}
