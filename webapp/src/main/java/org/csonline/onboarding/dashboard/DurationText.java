package org.csonline.onboarding.dashboard;

import java.time.Duration;

/** A duration as a manager reads it: the two largest units ("2 days 4 hours", "12 minutes"). */
final class DurationText {

    private DurationText() {
    }

    static String of(Duration duration) {
        if (duration == null) {
            return "–";
        }
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        if (days > 0) {
            return unit(days, "day") + (hours > 0 ? " " + unit(hours, "hour") : "");
        }
        if (hours > 0) {
            return unit(hours, "hour") + (minutes > 0 ? " " + unit(minutes, "minute") : "");
        }
        if (minutes > 0) {
            return unit(minutes, "minute");
        }
        return unit(duration.toSecondsPart(), "second");
    }

    private static String unit(long count, String name) {
        return count + " " + name + (count == 1 ? "" : "s");
    }

    /** Hours as a number, for chart lengths and the CSV. */
    static double hours(Duration duration) {
        return duration == null ? 0 : duration.toMillis() / 3_600_000.0;
    }
}
