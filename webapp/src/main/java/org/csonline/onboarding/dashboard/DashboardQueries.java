package org.csonline.onboarding.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.csonline.onboarding.timeline.FunnelSteps;
import org.csonline.onboarding.timeline.StepsReached;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's reads of the timeline and our tables. Plain SQL that H2 and PostgreSQL both accept: durations and
 * percentiles are worked out in Java, where the two databases would need different functions.
 */
@Repository
class DashboardQueries {

    /** The first time an onboarding reached a funnel step. */
    record StepReached(UUID onboardingId, int step, Instant at) {
    }

    /** A wait with its start and, if it is over, its end. */
    record Span(Instant start, Instant end) {
    }

    record CountBy(String status, String reason, long count) {
    }

    record Waiting(UUID onboardingId, String recordName, Instant since) {
    }

    /** Steps 1-15 and "finished", as the columns of steps_reached. */
    private static final String STEPS_REACHED = IntStream.rangeClosed(1, FunnelSteps.FINISHED)
            .mapToObj(StepsReached::column)
            .collect(Collectors.joining(", ", "select onboarding_id, ", " from steps_reached "
                    + "where created_at >= ? and created_at < ?"));

    private final JdbcClient jdbc;

    DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row per step an onboarding started in the period reached. */
    List<StepReached> stepsReached(Instant from, Instant to) {
        List<StepReached> reached = new ArrayList<>();
        jdbc.sql(STEPS_REACHED).params(ts(from), ts(to)).query(rs -> {
            UUID onboarding = rs.getObject(1, UUID.class);
            for (int step = 1; step <= FunnelSteps.FINISHED; step++) {
                Timestamp at = rs.getTimestamp(step + 1);
                if (at != null) {
                    reached.add(new StepReached(onboarding, step, at.toInstant()));
                }
            }
        });
        return reached;
    }

    List<CountBy> outcomes(Instant from, Instant to) {
        return jdbc.sql("select status, cancellation_reason, count(*) from onboarding "
                        + "where created_at >= ? and created_at < ? group by status, cancellation_reason")
                .params(ts(from), ts(to))
                .query((rs, n) -> new CountBy(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** Invitation email sent to the link used (end empty while unused). */
    List<Span> invitations(Instant from, Instant to) {
        return spans("select i.created_at, i.opened_at from invitation i join onboarding o on o.id = i.onboarding_id "
                + "where o.created_at >= ? and o.created_at < ?", from, to);
    }

    /** Request submitted to decided (end empty while undecided). */
    List<Span> reviews(Instant from, Instant to) {
        return spans("select r.submitted_at, r.decided_at from access_request r "
                + "join onboarding o on o.id = r.onboarding_id where o.created_at >= ? and o.created_at < ?", from, to);
    }

    List<Waiting> pendingReviews() {
        return waiting("select o.id, o.record_name, r.submitted_at from onboarding o "
                + "join access_request r on r.onboarding_id = o.id where o.status = 'IN_PROGRESS' and r.decision is null");
    }

    List<Waiting> unconfirmedSetupCodes() {
        return waiting("select o.id, o.record_name, s.created_at from onboarding o "
                + "join setup_code s on s.onboarding_id = o.id where o.status = 'IN_PROGRESS' "
                + "and s.confirmed_at is null and s.locked_at is null");
    }

    List<Waiting> unusedInvitations() {
        return waiting("select o.id, o.record_name, i.created_at from onboarding o "
                + "join invitation i on i.onboarding_id = o.id where o.status = 'IN_PROGRESS' and i.opened_at is null");
    }

    List<Instant> startedSince(Instant from) {
        return jdbc.sql("select created_at from onboarding where created_at >= ?").param(ts(from))
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }

    List<Instant> activatedSince(Instant from) {
        return jdbc.sql("select occurred_at from timeline_event where element_id = 'EndEvent_AccountActivated' "
                        + "and occurred_at >= ?").param(ts(from))
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }

    private List<Span> spans(String sql, Instant from, Instant to) {
        return jdbc.sql(sql).params(ts(from), ts(to))
                .query((rs, n) -> new Span(rs.getTimestamp(1).toInstant(),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .list();
    }

    private List<Waiting> waiting(String sql) {
        return jdbc.sql(sql).query((rs, n) -> new Waiting(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getTimestamp(3).toInstant())).list();
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
