package org.csonline.onboarding.dashboard;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.csonline.onboarding.calendar.WorkingDays;
import org.csonline.onboarding.dashboard.Dashboard.OverdueItem;
import org.csonline.onboarding.dashboard.Dashboard.PeopleWait;
import org.csonline.onboarding.dashboard.Dashboard.Period;
import org.csonline.onboarding.dashboard.Dashboard.Promises;
import org.csonline.onboarding.dashboard.Dashboard.StepCount;
import org.csonline.onboarding.dashboard.Dashboard.StepTime;
import org.csonline.onboarding.dashboard.Dashboard.WeekCount;
import org.csonline.onboarding.dashboard.DashboardQueries.Span;
import org.csonline.onboarding.dashboard.DashboardQueries.StepReached;
import org.csonline.onboarding.onboarding.CancellationReason;
import org.csonline.onboarding.process.ProcessProperties;
import org.csonline.onboarding.timeline.FunnelSteps;
import org.springframework.stereotype.Service;

/** Works out the dashboard's figures from the timeline and our tables (never the engine). */
@Service
class DashboardService {

    static final ZoneId UK = ZoneId.of("Europe/London");
    static final int TREND_WEEKS = 12;
    /** The periods a manager can choose, in weeks. */
    static final List<Integer> PERIODS = List.of(1, 4, 13, 52);

    private final DashboardQueries queries;
    private final WorkingDays workingDays;
    private final ProcessProperties timing;
    private final Clock clock;

    DashboardService(DashboardQueries queries, WorkingDays workingDays, ProcessProperties timing, Clock clock) {
        this.queries = queries;
        this.workingDays = workingDays;
        this.timing = timing;
        this.clock = clock;
    }

    Dashboard dashboard(int weeks) {
        Instant now = clock.instant();
        Period period = new Period(weeks, now.minus(Duration.ofDays(7L * weeks)), now);
        List<StepReached> reached = queries.stepsReached(period.from(), period.to());
        List<Span> reviews = queries.reviews(period.from(), period.to());
        List<Span> invitations = queries.invitations(period.from(), period.to());
        List<StepTime> stepTimes = stepTimes(reached);
        return new Dashboard(period, funnel(reached), outcomes(period), stepTimes,
                peopleWaits(stepTimes, invitations, reviews), promises(invitations, reviews, now), overdue(now),
                trend(now));
    }

    static List<StepCount> funnel(List<StepReached> reached) {
        Map<Integer, Long> counts = new HashMap<>();
        reached.forEach(r -> counts.merge(r.step(), 1L, Long::sum));
        List<StepCount> funnel = new ArrayList<>();
        for (int step = 1; step <= 15; step++) {
            Integer with = FunnelSteps.RECORDED_WITH.get(step);
            funnel.add(new StepCount(step, counts.getOrDefault(with == null ? step : with, 0L), with));
        }
        return funnel;
    }

    private List<Dashboard.Outcome> outcomes(Period period) {
        Map<String, Long> byKey = new TreeMap<>();
        for (DashboardQueries.CountBy row : queries.outcomes(period.from(), period.to())) {
            String key = switch (row.status()) {
                case "CANCELLED" -> (CancellationReason.of(row.reason()).filter(CancellationReason::expiry).isPresent()
                        ? "EXPIRED." : "CANCELLED.")
                        + Objects.requireNonNullElse(row.reason(), "UNKNOWN");
                default -> row.status();
            };
            byKey.merge(key, row.count(), Long::sum);
        }
        List<Dashboard.Outcome> outcomes = new ArrayList<>();
        for (String key : List.of("COMPLETED", "DECLINED", "EXPIRED.SETUP_CODE_EXPIRED", "EXPIRED.INVITATION_EXPIRED",
                "CANCELLED.SIGN_UP_ABANDONED", "CANCELLED.SETUP_CODE_LOCKED", "CANCELLED.CANCELLED_BY_CASEWORKER",
                "IN_PROGRESS")) {
            outcomes.add(new Dashboard.Outcome(key, byKey.getOrDefault(key, 0L)));
            byKey.remove(key);
        }
        byKey.forEach((key, count) -> outcomes.add(new Dashboard.Outcome(key, count)));
        return outcomes;
    }

    /** For each onboarding, a step lasts from reaching it until reaching whichever step came next. */
    static List<StepTime> stepTimes(List<StepReached> reached) {
        Map<UUID, List<StepReached>> byOnboarding = new HashMap<>();
        reached.forEach(r -> byOnboarding.computeIfAbsent(r.onboardingId(), id -> new ArrayList<>()).add(r));
        Map<Integer, List<Duration>> durations = new TreeMap<>();
        for (List<StepReached> steps : byOnboarding.values()) {
            steps.sort(Comparator.comparing(StepReached::at).thenComparing(StepReached::step));
            for (int i = 0; i + 1 < steps.size(); i++) {
                durations.computeIfAbsent(steps.get(i).step(), s -> new ArrayList<>())
                        .add(Duration.between(steps.get(i).at(), steps.get(i + 1).at()));
            }
        }
        List<StepTime> times = new ArrayList<>();
        for (int step = 1; step <= 15; step++) {
            if (!FunnelSteps.RECORDED_WITH.containsKey(step)) {
                times.add(new StepTime(step, FunnelSteps.WAIT_ON_PEOPLE.contains(step),
                        Percentiles.of(durations.getOrDefault(step, List.of()))));
            }
        }
        return times;
    }

    /**
     * The caseworker's confirmation is the whole of step 2 (the setup email went at step 1; step 3 begins the moment
     * the code is confirmed). The invitation and the review are measured from their own tables: step 3 also holds
     * the planned release wait, and step 15 the activation.
     */
    private static List<PeopleWait> peopleWaits(List<StepTime> stepTimes, List<Span> invitations, List<Span> reviews) {
        Function<List<Span>, Percentiles> finished = spans -> Percentiles.of(spans.stream()
                .filter(s -> s.end() != null).map(s -> Duration.between(s.start(), s.end())).toList());
        Percentiles confirmation = stepTimes.stream().filter(t -> t.step() == 2).findFirst().orElseThrow().time();
        return List.of(
                new PeopleWait("CASEWORKER_CONFIRMATION", confirmation),
                new PeopleWait("APPLICANT_INVITATION", finished.apply(invitations)),
                new PeopleWait("ACCESS_REVIEW", finished.apply(reviews)));
    }

    /**
     * A review counts once decided; an invitation once used, or once its reminder time passed unused (it can no
     * longer be used before the reminder).
     */
    private Promises promises(List<Span> invitations, List<Span> reviews, Instant now) {
        long decided = 0;
        long inTime = 0;
        for (Span review : reviews) {
            if (review.end() != null) {
                decided++;
                if (!review.end().isAfter(workingDays.plus(review.start(), timing.accessReviewPeriod()))) {
                    inTime++;
                }
            }
        }
        long settled = 0;
        long beforeReminder = 0;
        for (Span invitation : invitations) {
            Instant reminder = invitation.start().plus(timing.invitationReminderDelay());
            boolean usedInTime = invitation.end() != null && invitation.end().isBefore(reminder);
            if (invitation.end() != null || !reminder.isAfter(now)) {
                settled++;
                beforeReminder += usedInTime ? 1 : 0;
            }
        }
        return new Promises(decided, inTime, settled, beforeReminder);
    }

    /** Today's overdue items, oldest first: reviews past their due date, and the two reminders' waits. */
    private List<OverdueItem> overdue(Instant now) {
        List<OverdueItem> items = new ArrayList<>();
        queries.pendingReviews().forEach(w -> add(items, "ACCESS_REVIEW", w,
                workingDays.plus(w.since(), timing.accessReviewPeriod()), now));
        queries.unconfirmedSetupCodes().forEach(w -> add(items, "SETUP_CODE", w,
                workingDays.plus(w.since(), timing.setupCodeReminderDelay()), now));
        queries.unusedInvitations().forEach(w -> add(items, "INVITATION", w,
                w.since().plus(timing.invitationReminderDelay()), now));
        items.sort(Comparator.comparing(OverdueItem::due));
        return items;
    }

    private static void add(List<OverdueItem> items, String kind, DashboardQueries.Waiting waiting, Instant due,
            Instant now) {
        if (due.isBefore(now)) {
            items.add(new OverdueItem(kind, waiting.onboardingId(), waiting.recordName(), due));
        }
    }

    /** The last weeks, Monday to Sunday in UK time, this week last. */
    private List<WeekCount> trend(Instant now) {
        LocalDate thisWeek = LocalDate.ofInstant(now, UK).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = thisWeek.minusWeeks(TREND_WEEKS - 1L);
        Instant from = first.atStartOfDay(UK).toInstant();
        Map<LocalDate, long[]> weeks = new TreeMap<>();
        for (int i = 0; i < TREND_WEEKS; i++) {
            weeks.put(first.plusWeeks(i), new long[2]);
        }
        Function<Instant, long[]> weekOf = at -> weeks.get(LocalDate.ofInstant(at, UK)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        queries.startedSince(from).forEach(at -> count(weekOf.apply(at), 0));
        queries.activatedSince(from).forEach(at -> count(weekOf.apply(at), 1));
        return weeks.entrySet().stream().map(e -> new WeekCount(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    private static void count(long[] week, int index) {
        if (week != null) {
            week[index]++;
        }
    }
}
