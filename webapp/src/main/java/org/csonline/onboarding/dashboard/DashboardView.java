package org.csonline.onboarding.dashboard;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.csonline.onboarding.dashboard.SvgChart.Bar;
import org.csonline.onboarding.dashboard.SvgChart.Series;
import org.csonline.onboarding.web.Messages;

/** The dashboard as the page shows it: its charts as SVG and the names of its rows in words. */
record DashboardView(Dashboard figures, String funnelChart, String outcomesChart, String stepTimesChart,
        String trendChart, String from, String to, java.util.Map<Integer, String> steps) {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)
            .withZone(DashboardService.UK);
    static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    static DashboardView of(Dashboard d, Messages messages) {
        String from = DAY.format(d.period().from());
        String to = DAY.format(d.period().to());
        String funnel = SvgChart.horizontalBars("chart-funnel", messages.text("dashboard.funnel.title"),
                messages.text("dashboard.funnel.desc", from, to), d.funnel().stream()
                        .map(s -> new Bar(stepName(s.step(), messages), s.onboardings(), Long.toString(s.onboardings()),
                                false))
                        .toList());
        String outcomes = SvgChart.horizontalBars("chart-outcomes", messages.text("dashboard.outcomes.title"),
                messages.text("dashboard.outcomes.desc", from, to), d.outcomes().stream()
                        .map(o -> new Bar(messages.text("dashboard.outcome." + o.key()), o.onboardings(),
                                Long.toString(o.onboardings()), false))
                        .toList());
        String times = SvgChart.horizontalBars("chart-step-times", messages.text("dashboard.times.title"),
                messages.text("dashboard.times.desc", from, to), d.stepTimes().stream()
                        .map(t -> new Bar(stepName(t.step(), messages) + (t.waitsOnPeople() ? " *" : ""),
                                DurationText.hours(t.time().median()), DurationText.of(t.time().median()),
                                t.waitsOnPeople()))
                        .toList());
        List<String> weeks = d.weeks().stream().map(w -> WEEK.format(w.weekStart())).toList();
        String trend = SvgChart.columns("chart-trend", messages.text("dashboard.trend.title"),
                messages.text("dashboard.trend.desc", DashboardService.TREND_WEEKS), weeks, List.of(
                        new Series(messages.text("dashboard.trend.started"), SvgChart.BAR,
                                d.weeks().stream().map(Dashboard.WeekCount::started).toList()),
                        new Series(messages.text("dashboard.trend.activated"), SvgChart.SECOND,
                                d.weeks().stream().map(Dashboard.WeekCount::activated).toList())));
        java.util.Map<Integer, String> steps = new java.util.HashMap<>();
        for (int step = 1; step <= 15; step++) {
            steps.put(step, stepName(step, messages));
        }
        return new DashboardView(d, funnel, outcomes, times, trend, from, to, steps);
    }

    static String stepName(int step, Messages messages) {
        return messages.text("dashboard.step", step, messages.text("dashboard.step." + step));
    }

    public String duration(java.time.Duration duration) {
        return DurationText.of(duration);
    }
}
