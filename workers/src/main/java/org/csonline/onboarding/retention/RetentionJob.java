package org.csonline.onboarding.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps personal data no longer than needed: an onboarding that ended without an account (cancelled, expired,
 * declined) loses its applicant's email, the record's name and reference, what they typed while signing up, their
 * codes and phone numbers, and the free-text notes, once {@code cso.retention.ended-onboarding} has passed since it
 * ended. What remains (status, reason code, caseworker, dates, the journey timeline) has no personal data, so the
 * figures managers see stay the same. The audit log has its own period. With several instances, one runs the job at
 * a time: it takes a lease in {@code job_lease} first.
 */
@Component
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionJob {

    static final String ERASED = "(erased)";
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final JdbcClient jdbc;
    private final RetentionProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String owner = "instance-" + UUID.randomUUID();

    public RetentionJob(JdbcClient jdbc, RetentionProperties properties, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${cso.retention.interval:PT1H}", initialDelayString = "PT1M")
    public void scheduled() {
        run();
    }

    /** One run, if this instance gets the lease; returns what it erased, or null when another instance runs it. */
    public Result run() {
        Instant now = clock.instant();
        if (!takeLease(now)) {
            return null;
        }
        List<UUID> ended = jdbc.sql("select id from onboarding where status in ('CANCELLED', 'DECLINED', 'NOT_STARTED') "
                        + "and personal_data_erased_at is null and updated_at < ?")
                .param(Timestamp.from(now.minus(properties.endedOnboarding()))).query(UUID.class).list();
        for (UUID id : ended) {
            transaction.executeWithoutResult(status -> erase(id, now));
        }
        int audit = jdbc.sql("delete from audit_event where occurred_at < ?")
                .param(Timestamp.from(now.minus(properties.auditLog()))).update();
        if (!ended.isEmpty() || audit > 0) {
            log.info("Retention: erased the personal data of {} ended onboardings and {} audit entries",
                    ended.size(), audit);
        }
        return new Result(ended.size(), audit);
    }

    /** Taking the lease is a compare-and-set: only one instance's update matches while the lease runs. */
    private boolean takeLease(Instant now) {
        return jdbc.sql("update job_lease set owner = ?, lease_until = ? where name = 'retention' "
                        + "and (lease_until < ? or owner = ?)")
                .params(owner, Timestamp.from(now.plus(properties.lease())), Timestamp.from(now), owner)
                .update() == 1;
    }

    private void erase(UUID id, Instant now) {
        String email = jdbc.sql("select applicant_email from onboarding where id = ?").param(id).query(String.class)
                .single();
        // An account the applicant created but that never became active (the request declined) goes too; an
        // active account is the person's own and stays.
        List<UUID> accounts = jdbc.sql("select id from account where onboarding_id = ? and status <> 'ACTIVE' "
                        + "and not exists (select 1 from record_access r where r.account_id = account.id)")
                .param(id).query(UUID.class).list();
        jdbc.sql("update onboarding set account_id = null where id = ? and account_id in (select a.id from account a "
                + "where a.onboarding_id = ? and a.status <> 'ACTIVE')").params(id, id).update();
        jdbc.sql("update access_request set decline_reason = null where onboarding_id = ?").param(id).update();
        jdbc.sql("delete from access_request where onboarding_id = ? and account_id in (select a.id from account a "
                + "where a.onboarding_id = ? and a.status <> 'ACTIVE')").params(id, id).update();
        for (UUID account : accounts) {
            jdbc.sql("delete from account where id = ?").param(account).update();
        }
        jdbc.sql("delete from signup where onboarding_id = ?").param(id).update();
        jdbc.sql("delete from email_code where onboarding_id = ?").param(id).update();
        jdbc.sql("delete from phone_code_request where onboarding_id = ?").param(id).update();
        jdbc.sql("delete from setup_code where onboarding_id = ?").param(id).update();
        jdbc.sql("delete from invitation where onboarding_id = ?").param(id).update();
        jdbc.sql("delete from local_outbox where recipient = ?").param(email).update();
        jdbc.sql("update onboarding set applicant_email = ?, record_name = ?, record_reference = ?, "
                        + "cancellation_note = null, personal_data_erased_at = ? where id = ?")
                .params(ERASED, ERASED, ERASED, Timestamp.from(now), id).update();
    }

    /** What one run erased. */
    public record Result(int onboardings, int auditEntries) {
    }
}
