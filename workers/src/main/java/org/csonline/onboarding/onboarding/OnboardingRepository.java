package org.csonline.onboarding.onboarding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.process.ProcessInstanceOwners;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The only writer of the {@code onboarding} table. Other features read through it, and change an onboarding through
 * {@link OnboardingService}, which decides its status.
 */
@Repository
public class OnboardingRepository implements ProcessInstanceOwners {

    /** What an erased onboarding's email, record name and reference read. */
    public static final String ERASED = "(erased)";

    private static final String COLUMNS = "id, applicant_email, record_reference, record_name, caseworker, status, "
            + "cancellation_reason, account_id, created_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    public OnboardingRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(Onboarding onboarding) {
        insert(onboarding, null);
    }

    void insert(Onboarding onboarding, UUID previousOnboardingId) {
        jdbc.sql("insert into onboarding (" + COLUMNS + ", updated_at, previous_onboarding_id) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(onboarding.id(), onboarding.applicantEmail(), onboarding.recordReference(),
                        onboarding.recordName(), onboarding.caseworker(), onboarding.status().name(),
                        onboarding.cancellationReason(), onboarding.accountId(),
                        Timestamp.from(onboarding.createdAt()), Timestamp.from(onboarding.createdAt()),
                        previousOnboardingId)
                .update();
    }

    /** The process instance the onboarding runs in, once it has one (Operate's id for it). */
    public Optional<Long> processInstanceKey(UUID id) {
        return jdbc.sql("select process_instance_key from onboarding where id = ? and process_instance_key is not null")
                .param(id).query(Long.class).optional();
    }

    /** The onboarding this one invites again, if it is a re-invitation. */
    public Optional<UUID> previousOf(UUID id) {
        return jdbc.sql("select previous_onboarding_id from onboarding where id = ? and previous_onboarding_id is not null")
                .param(id).query(UUID.class).optional();
    }

    /** The onboarding that invited again after this one, if any. */
    public Optional<UUID> reinvitedAs(UUID id) {
        return jdbc.sql("select id from onboarding where previous_onboarding_id = ? order by created_at limit 1")
                .param(id).query(UUID.class).optional();
    }

    public Optional<String> cancellationNote(UUID id) {
        return jdbc.sql("select cancellation_note from onboarding where id = ? and cancellation_note is not null")
                .param(id).query(String.class).optional();
    }

    void setCancellationNote(UUID id, String note) {
        jdbc.sql("update onboarding set cancellation_note = ?, updated_at = ? where id = ?")
                .params(note, now(), id).update();
    }

    public Optional<Onboarding> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from onboarding where id = ?").param(id)
                .query(OnboardingRepository::map).optional();
    }

    public Onboarding get(UUID id) {
        return find(id).orElseThrow(() -> new IllegalStateException("No onboarding " + id));
    }

    public List<Onboarding> byCaseworker(String caseworker) {
        return jdbc.sql("select " + COLUMNS + " from onboarding where caseworker = ? order by created_at desc")
                .param(caseworker).query(OnboardingRepository::map).list();
    }

    /** Every caseworker's onboardings, newest first: the manager's list. */
    public List<Onboarding> all() {
        return jdbc.sql("select " + COLUMNS + " from onboarding order by created_at desc")
                .query(OnboardingRepository::map).list();
    }

    void setProcessInstanceKey(UUID id, long key) {
        jdbc.sql("update onboarding set process_instance_key = ?, updated_at = ? where id = ?")
                .params(key, now(), id).update();
    }

    /**
     * Makes {@code key} the onboarding's process instance unless it already has one; returns the instance it has
     * now, or empty when there is no such onboarding. The first caller wins (a compare-and-set), so when a start was
     * sent twice and made two instances, everyone agrees which one is the onboarding's (docs/adr/004).
     */
    @Override
    public Optional<Long> claimProcessInstance(UUID id, long key) {
        jdbc.sql("update onboarding set process_instance_key = ? where id = ? and process_instance_key is null")
                .params(key, id).update();
        return jdbc.sql("select process_instance_key from onboarding where id = ?").param(id)
                .query((rs, n) -> rs.getLong(1)).optional();
    }

    void setStatus(UUID id, OnboardingStatus status, CancellationReason reason) {
        jdbc.sql("update onboarding set status = ?, cancellation_reason = ?, updated_at = ? where id = ?")
                .params(status.name(), reason == null ? null : reason.name(), now(), id).update();
    }

    void setAccount(UUID id, UUID accountId) {
        jdbc.sql("update onboarding set account_id = ?, updated_at = ? where id = ?")
                .params(accountId, now(), id).update();
    }

    /** Drops the link to this account if the onboarding has it, leaving the last change's time as it was. */
    void unlinkAccount(UUID id, UUID accountId) {
        jdbc.sql("update onboarding set account_id = null where id = ? and account_id = ?").params(id, accountId)
                .update();
    }

    /**
     * Onboardings that ended without an account (cancelled, declined, never started) before {@code endedBefore}, and
     * whose personal data is still there: what retention erases.
     */
    public List<UUID> endedNotErasedBefore(Instant endedBefore) {
        return jdbc.sql("select id from onboarding where status in ('CANCELLED', 'DECLINED', 'NOT_STARTED') "
                        + "and personal_data_erased_at is null and updated_at < ?")
                .param(Timestamp.from(endedBefore)).query(UUID.class).list();
    }

    /**
     * Retention: replaces the applicant's email, the record's name and reference by {@link #ERASED}, drops the
     * caseworker's cancellation note, and notes when. Status, reason, caseworker and dates stay, so the figures do
     * not change.
     */
    public void erasePersonalData(UUID id, Instant at) {
        jdbc.sql("update onboarding set applicant_email = ?, record_name = ?, record_reference = ?, "
                        + "cancellation_note = null, personal_data_erased_at = ? where id = ?")
                .params(ERASED, ERASED, ERASED, Timestamp.from(at), id).update();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static Onboarding map(ResultSet rs, int row) throws SQLException {
        return new Onboarding(rs.getObject("id", UUID.class), rs.getString("applicant_email"),
                rs.getString("record_reference"), rs.getString("record_name"), rs.getString("caseworker"),
                OnboardingStatus.valueOf(rs.getString("status")), rs.getString("cancellation_reason"),
                rs.getObject("account_id", UUID.class), rs.getTimestamp("created_at").toInstant());
    }
}
