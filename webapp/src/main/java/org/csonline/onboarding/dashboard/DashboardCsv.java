package org.csonline.onboarding.dashboard;

import java.util.Locale;
import org.csonline.onboarding.web.Messages;

/**
 * The dashboard's figures as CSV, one figure per line (section, item, measure, value), so a spreadsheet can chart
 * them again. Counts and durations only: no names, no record details.
 */
final class DashboardCsv {

    private DashboardCsv() {
    }

    static String of(Dashboard d, Messages messages) {
        StringBuilder csv = new StringBuilder("section,item,measure,value\r\n");
        row(csv, "period", "from", "date", DashboardView.DAY.format(d.period().from()));
        row(csv, "period", "to", "date", DashboardView.DAY.format(d.period().to()));
        d.funnel().forEach(s -> row(csv, "funnel", DashboardView.stepName(s.step(), messages), "onboardings",
                Long.toString(s.onboardings())));
        d.outcomes().forEach(o -> row(csv, "outcome", messages.text("dashboard.outcome." + o.key()), "onboardings",
                Long.toString(o.onboardings())));
        d.stepTimes().forEach(t -> {
            String step = DashboardView.stepName(t.step(), messages);
            row(csv, "time at step", step, "onboardings", Integer.toString(t.time().count()));
            row(csv, "time at step", step, "median hours", hours(t.time().median()));
            row(csv, "time at step", step, "90th percentile hours", hours(t.time().p90()));
            row(csv, "time at step", step, "waits on people", Boolean.toString(t.waitsOnPeople()));
        });
        d.peopleWaits().forEach(w -> {
            String wait = messages.text("dashboard.wait." + w.key());
            row(csv, "wait on people", wait, "count", Integer.toString(w.time().count()));
            row(csv, "wait on people", wait, "median hours", hours(w.time().median()));
            row(csv, "wait on people", wait, "90th percentile hours", hours(w.time().p90()));
        });
        Dashboard.Promises p = d.promises();
        row(csv, "promises", "reviews decided", "count", Long.toString(p.reviewsDecided()));
        row(csv, "promises", "reviews decided by their due date", "count", Long.toString(p.reviewsInTime()));
        row(csv, "promises", "invitations used or past their reminder", "count", Long.toString(p.invitationsSettled()));
        row(csv, "promises", "invitations used before the reminder", "count",
                Long.toString(p.invitationsBeforeReminder()));
        row(csv, "overdue today", "items", "count", Integer.toString(d.overdue().size()));
        d.weeks().forEach(w -> {
            row(csv, "weekly trend", w.weekStart().toString(), "started", Long.toString(w.started()));
            row(csv, "weekly trend", w.weekStart().toString(), "activated", Long.toString(w.activated()));
        });
        return csv.toString();
    }

    private static String hours(java.time.Duration duration) {
        return duration == null ? "" : String.format(Locale.ROOT, "%.2f", DurationText.hours(duration));
    }

    private static void row(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            csv.append(i == 0 ? "" : ",").append(quote(cells[i]));
        }
        csv.append("\r\n");
    }

    /** RFC 4180 quoting; a cell that starts like a formula is quoted too, so a spreadsheet shows it as text. */
    static String quote(String cell) {
        boolean formula = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0;
        if (formula || cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
            return "\"" + (formula ? "'" : "") + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
