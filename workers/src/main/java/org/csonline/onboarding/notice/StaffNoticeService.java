package org.csonline.onboarding.notice;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Notices for staff, shown on the staff pages: the caseworker sees theirs on their onboardings, managers see the
 * ones for every manager. Staff users have no email address in the configuration, and a caseworker works from
 * these pages, so the notice waits there rather than in an inbox.
 */
@Service
public class StaffNoticeService {

    /** Audience of notices for every manager. */
    public static final String MANAGERS = "ROLE_MANAGER";

    private final JdbcClient jdbc;
    private final OnboardingRepository onboardings;
    private final Clock clock;

    public StaffNoticeService(JdbcClient jdbc, OnboardingRepository onboardings, Clock clock) {
        this.jdbc = jdbc;
        this.onboardings = onboardings;
        this.clock = clock;
    }

    /** Tells the onboarding's caseworker; once per job, whatever its retries. */
    public void tellCaseworker(UUID onboardingId, String notice, String detail, long jobKey) {
        record(onboardingId, onboardings.get(onboardingId).caseworker(), notice, detail, jobKey);
    }

    public void tellManagers(UUID onboardingId, String notice, long jobKey) {
        record(onboardingId, MANAGERS, notice, null, jobKey);
    }

    private void record(UUID onboardingId, String audience, String notice, String detail, long jobKey) {
        jdbc.sql("insert into staff_notice (onboarding_id, audience, notice, detail, job_key, created_at) "
                        + "select ?, ?, ?, ?, ?, ? where not exists (select 1 from staff_notice where job_key = ?)")
                .params(onboardingId, audience, notice, detail, jobKey, Timestamp.from(clock.instant()), jobKey)
                .update();
    }

    /** Newest first: the caseworker's own, and the managers' if {@code manager}. */
    public List<StaffNotice> forUser(String username, boolean manager) {
        return jdbc.sql("select id, onboarding_id, audience, notice, detail, created_at from staff_notice "
                        + "where audience = ? or (? and audience = ?) order by id desc limit 50")
                .params(username, manager, MANAGERS)
                .query((rs, n) -> new StaffNotice(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    public List<StaffNotice> forOnboarding(UUID onboardingId) {
        return jdbc.sql("select id, onboarding_id, audience, notice, detail, created_at from staff_notice "
                        + "where onboarding_id = ? order by id desc")
                .param(onboardingId)
                .query((rs, n) -> new StaffNotice(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }
}
