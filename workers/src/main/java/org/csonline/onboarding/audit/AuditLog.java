package org.csonline.onboarding.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security audit log: who did what, when and from where. Written in its own transaction so that a refused
 * action (which rolls back) is still recorded. Secrets are never passed in; details are cut to the column size.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger("audit");
    private static final int DETAIL_LENGTH = 300;

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records one line, for example {@code record(AuditEvent.SIGNED_IN.byAccount(id).from(address))}. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(AuditLine line) {
        String detail = line.detail();
        String safeDetail = detail == null ? null
                : detail.length() > DETAIL_LENGTH ? detail.substring(0, DETAIL_LENGTH) : detail;
        String actor = line.actor();
        String who = actor == null || actor.isBlank() ? "applicant" : actor;
        jdbc.sql("insert into audit_event (occurred_at, event, actor, onboarding_id, account_id, client_address, "
                        + "detail) values (?, ?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), line.event().name(), who, line.onboardingId(),
                        line.accountId(), truncate(line.clientAddress(), 64), safeDetail)
                .update();
        log.info("{} actor={} onboarding={} account={} from={} {}", line.event(), who, line.onboardingId(),
                line.accountId(), line.clientAddress(), safeDetail == null ? "" : safeDetail);
    }


    /** Newest first. */
    public List<AuditEntry> recent(int limit) {
        return jdbc.sql("select occurred_at, event, actor, onboarding_id, account_id, client_address, detail "
                        + "from audit_event order by id desc limit ?")
                .param(limit)
                .query((rs, n) -> new AuditEntry(rs.getTimestamp(1).toInstant(), AuditEvent.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getString(6),
                        rs.getString(7)))
                .list();
    }

    /** Retention: deletes the entries older than {@code before}; returns how many. */
    public int deleteBefore(Instant before) {
        return jdbc.sql("delete from audit_event where occurred_at < ?").param(Timestamp.from(before)).update();
    }

    public static String account(UUID accountId) {
        return "account:" + accountId;
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
