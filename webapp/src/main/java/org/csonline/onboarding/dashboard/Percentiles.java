package org.csonline.onboarding.dashboard;

import java.time.Duration;
import java.util.List;

/** Median and 90th percentile by nearest rank, computed here because H2 and PostgreSQL spell them differently. */
record Percentiles(int count, Duration median, Duration p90) {

    static Percentiles of(List<Duration> durations) {
        if (durations.isEmpty()) {
            return new Percentiles(0, null, null);
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        return new Percentiles(sorted.size(), rank(sorted, 0.5), rank(sorted, 0.9));
    }

    private static Duration rank(List<Duration> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
