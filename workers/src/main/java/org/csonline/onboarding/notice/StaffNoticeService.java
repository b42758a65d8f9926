package org.csonline.onboarding.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.csonline.onboarding.email.EmailKind;
import org.csonline.onboarding.email.EmailService;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.support.CouncilProperties;
import org.csonline.onboarding.support.SecurityProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Notices for staff. Each is a row the staff pages show (the caseworker on their onboardings list and the
 * onboarding's page, managers the ones for every manager), because caseworkers work from those pages; staff with an
 * email address (configured in {@code cso.staff.users[n].email}, or the one the council's identity provider gave at
 * their last sign-in) also get a short email that links to the onboarding and carries no personal data.
 */
@Service
public class StaffNoticeService {

    /** Audience of notices for every manager. */
    public static final String MANAGERS = "ROLE_MANAGER";

    private final JdbcClient jdbc;
    private final OnboardingRepository onboardings;
    private final EmailService email;
    private final CouncilProperties council;
    private final SecurityProperties limits;
    private final StaffDirectory directory;
    private final Clock clock;

    public StaffNoticeService(JdbcClient jdbc, OnboardingRepository onboardings, EmailService email,
            CouncilProperties council, SecurityProperties limits, ObjectProvider<StaffDirectory> directory,
            Clock clock) {
        this.jdbc = jdbc;
        this.onboardings = onboardings;
        this.email = email;
        this.council = council;
        this.limits = limits;
        this.directory = directory.getIfAvailable(() -> StaffDirectory.NONE);
        this.clock = clock;
    }

    /** Tells the onboarding's caseworker; once per job, whatever its retries. */
    public void tellCaseworker(UUID onboardingId, StaffNoticeKind notice, String detail, long jobKey) {
        String caseworker = onboardings.get(onboardingId).caseworker();
        record(onboardingId, caseworker, notice, detail, jobKey);
        directory.emailOf(caseworker).ifPresent(address -> sendEmail(address, onboardingId, notice, jobKey));
    }

    /**
     * Tells the onboarding's caseworker something the web app decided itself (not a process job), such as a declined
     * access request; once per onboarding and notice.
     */
    public void tellCaseworkerNow(UUID onboardingId, StaffNoticeKind notice) {
        String caseworker = onboardings.get(onboardingId).caseworker();
        int inserted = jdbc.sql("insert into staff_notice (onboarding_id, audience, notice, created_at) "
                        + "select ?, ?, ?, ? where not exists "
                        + "(select 1 from staff_notice where onboarding_id = ? and notice = ? and job_key is null)")
                .params(onboardingId, caseworker, notice.name(), Timestamp.from(clock.instant()), onboardingId,
                        notice.name())
                .update();
        if (inserted == 1) {
            directory.emailOf(caseworker).ifPresent(address -> email.sendOnce(null,
                    "staff-notice:" + notice + ":" + onboardingId + ":" + address, address, EmailKind.STAFF_NOTICE,
                    Map.<String, Object>of("notice", text(notice),
                            "link", council.baseUrl() + "/staff/onboardings/" + onboardingId)));
        }
    }

    public void tellManagers(UUID onboardingId, StaffNoticeKind notice, long jobKey) {
        record(onboardingId, MANAGERS, notice, null, jobKey);
        directory.managerEmails().forEach(address -> sendEmail(address, onboardingId, notice, jobKey));
    }

    private void sendEmail(String address, UUID onboardingId, StaffNoticeKind notice, long jobKey) {
        // No onboarding id: a bounced staff notice must not return to the process as an undeliverable
        // onboarding email (which would notify the caseworker again, by email).
        email.sendOnce(null, "staff-notice:" + onboardingId + ":" + jobKey + ":" + address, address, EmailKind.STAFF_NOTICE,
                Map.<String, Object>of("notice", text(notice), "link", council.baseUrl() + "/staff/onboardings/" + onboardingId));
    }

    private void record(UUID onboardingId, String audience, StaffNoticeKind notice, String detail, long jobKey) {
        jdbc.sql("insert into staff_notice (onboarding_id, audience, notice, detail, job_key, created_at) "
                        + "select ?, ?, ?, ?, ?, ? where not exists "
                        + "(select 1 from staff_notice where onboarding_id = ? and job_key = ?)")
                .params(onboardingId, audience, notice.name(), detail, jobKey, Timestamp.from(clock.instant()), onboardingId,
                        jobKey)
                .update();
    }

    /** Newest first: the caseworker's own, and the managers' if {@code manager}. */
    public List<StaffNotice> forUser(String username, boolean manager) {
        return jdbc.sql("select id, onboarding_id, audience, notice, detail, created_at from staff_notice "
                        + "where audience = ? or (? and audience = ?) order by id desc limit 50")
                .params(username, manager, MANAGERS)
                .query((rs, n) -> notice(rs))
                .list();
    }

    public List<StaffNotice> forOnboarding(UUID onboardingId) {
        return jdbc.sql("select id, onboarding_id, audience, notice, detail, created_at from staff_notice "
                        + "where onboarding_id = ? order by id desc")
                .param(onboardingId)
                .query((rs, n) -> notice(rs))
                .list();
    }

    private StaffNotice notice(ResultSet rs) throws SQLException {
        String notice = rs.getString(4);
        String text = StaffNoticeKind.of(notice).map(this::text).orElse(StaffNoticeKind.UNKNOWN);
        return new StaffNotice(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), notice, text,
                rs.getString(5), rs.getTimestamp(6).toInstant());
    }

    private String text(StaffNoticeKind notice) {
        return notice.text(limits.setupCodeMaxWrong());
    }
}
