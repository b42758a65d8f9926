package org.csonline.onboarding.timeline;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The first time each onboarding reached each funnel step, one row per onboarding (table {@code steps_reached}),
 * kept as the timeline records steps. The manager dashboard reads a period's onboardings from it in one indexed
 * range instead of grouping every timeline row of the period (docs/adr/007-manager-dashboard-from-the-timeline.md).
 */
@Repository
public class StepsReached {

    private final JdbcClient jdbc;

    public StepsReached(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Column of a funnel step: reached_1 to reached_15, and finished. */
    public static String column(int step) {
        return step == FunnelSteps.FINISHED ? "finished" : "reached_" + step;
    }

    /** Keeps the earliest time; a repeated or late event changes nothing. */
    void record(UUID onboardingId, String elementId, Instant at) {
        FunnelSteps.of(elementId).ifPresent(step -> {
            String column = column(step);
            Timestamp when = Timestamp.from(at);
            if (update(onboardingId, column, when) == 0) {
                try {
                    // The onboarding's start time comes along, so the dashboard's period is one index range.
                    jdbc.sql("insert into steps_reached (onboarding_id, created_at, " + column + ") "
                                    + "select id, created_at, ? from onboarding where id = ?")
                            .params(when, onboardingId).update();
                } catch (DuplicateKeyException anotherStepFirst) {
                    update(onboardingId, column, when);
                }
            }
        });
    }

    private int update(UUID onboardingId, String column, Timestamp when) {
        // Updates the row when it exists (1 even if the time stays), so 0 means "no row yet".
        return jdbc.sql("update steps_reached set " + column + " = case when " + column + " is null or " + column
                        + " > ? then ? else " + column + " end where onboarding_id = ?")
                .params(when, when, onboardingId).update();
    }
}
