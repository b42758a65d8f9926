package org.csonline.onboarding.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Steps that stopped at an incident because a provider failed past its retries. Recorded when the last retry is
 * used up, so the staff pages can say so without asking the engine; a step is stuck until its end reaches the
 * journey timeline (a manager raised its retries in Operate and it worked).
 */
@Repository
public class StuckSteps {

    private final JdbcClient jdbc;
    private final Clock clock;

    public StuckSteps(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A step stuck at an incident; {@code message} is the incident's, which never names the applicant. */
    public record StuckStep(String elementId, String jobType, String message, Instant since) {
    }

    public void record(UUID onboardingId, String elementId, String jobType, String message) {
        String shortened = message.length() > 1000 ? message.substring(0, 1000) : message;
        jdbc.sql("insert into step_incident (onboarding_id, element_id, job_type, message, occurred_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(onboardingId, elementId, jobType, shortened, Timestamp.from(clock.instant())).update();
    }

    /** The newest step of this onboarding still stuck, if any. */
    public Optional<StuckStep> stuck(UUID onboardingId) {
        return jdbc.sql("select s.element_id, s.job_type, s.message, s.occurred_at from step_incident s "
                        + "where s.onboarding_id = ? and not exists (select 1 from timeline_event t "
                        + "where t.onboarding_id = s.onboarding_id and t.element_id = s.element_id "
                        + "and t.phase = 'ENDED' and t.occurred_at >= s.occurred_at) "
                        + "order by s.occurred_at desc, s.id desc")
                .param(onboardingId)
                .query((rs, n) -> new StuckStep(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list().stream().findFirst();
    }
}
