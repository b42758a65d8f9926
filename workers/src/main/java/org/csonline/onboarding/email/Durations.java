package org.csonline.onboarding.email;

import java.time.Duration;

/** Durations as an email says them: "30 minutes", "28 days". Templates reach it as {@code durations}. */
public final class Durations {

    public String words(Duration duration) {
        if (duration.toDays() >= 1 && duration.toHoursPart() == 0) {
            return plural(duration.toDays(), "day");
        }
        if (duration.toHours() >= 1 && duration.toMinutesPart() == 0) {
            return plural(duration.toHours(), "hour");
        }
        if (duration.toMinutes() >= 1) {
            return plural(duration.toMinutes(), "minute");
        }
        return plural(Math.max(1, duration.toSeconds()), "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
