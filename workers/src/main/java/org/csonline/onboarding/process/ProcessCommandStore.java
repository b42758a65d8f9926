package org.csonline.onboarding.process;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The process_command table. Claims are a compare-and-set on the row (plain UPDATE ... WHERE, which H2 and PostgreSQL
 * both re-check after waiting for a row lock), so several relays share the table and each command has one sender
 * at a time; a claim that is not finished within its lease is taken over.
 */
@Repository
public class ProcessCommandStore {

    static final String PENDING = "PENDING";
    static final String DONE = "DONE";
    private static final String COLUMNS = "id, onboarding_id, kind, message_name, message_id, variables, attempts, "
            + "process_instance_key, created_at";

    private final JdbcClient jdbc;

    public ProcessCommandStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID onboardingId, ProcessCommand.Kind kind, String messageName, String messageId, String variables,
            Long processInstanceKey, Instant now) {
        jdbc.sql("insert into process_command (onboarding_id, kind, message_name, message_id, variables, status, "
                        + "attempts, next_attempt_at, process_instance_key, created_at) "
                        + "values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)")
                .params(onboardingId, kind.name(), messageName, messageId, variables, Timestamp.from(now),
                        processInstanceKey, Timestamp.from(now))
                .update();
    }

    /**
     * Claims up to {@code limit} due commands for {@code owner} until {@code claimUntil}: only the oldest pending
     * command of each onboarding qualifies, so an onboarding's commands reach the engine in the order they were
     * written, whichever relay sends them.
     */
    List<ProcessCommand> claimHeads(String owner, Instant now, Instant claimUntil, int limit) {
        Timestamp at = Timestamp.from(now);
        List<Long> candidates = jdbc.sql("select c.id from process_command c where c.status = 'PENDING' "
                        + "and c.next_attempt_at <= ? and (c.claimed_until is null or c.claimed_until < ?) "
                        + "and not exists (select 1 from process_command e where e.onboarding_id = c.onboarding_id "
                        + "and e.status = 'PENDING' and e.id < c.id) order by c.id limit ?")
                .params(at, at, limit).query(Long.class).list();
        List<ProcessCommand> claimed = new ArrayList<>();
        for (long id : candidates) {
            int won = jdbc.sql("update process_command set claimed_by = ?, claimed_until = ? where id = ? "
                            + "and status = 'PENDING' and (claimed_until is null or claimed_until < ?)")
                    .params(owner, Timestamp.from(claimUntil), id, at).update();
            if (won == 1) {
                claimed.add(get(id));
            }
        }
        return claimed;
    }

    /** Returns false when the claim had been lost (another relay took the command over). */
    boolean markDone(long id, String owner, Instant now, Long processInstanceKey) {
        return jdbc.sql("update process_command set status = 'DONE', done_at = ?, attempts = attempts + 1, "
                        + "claimed_by = null, claimed_until = null, last_error = null, "
                        + "process_instance_key = coalesce(?, process_instance_key) "
                        + "where id = ? and claimed_by = ? and status = 'PENDING'")
                .params(Timestamp.from(now), processInstanceKey, id, owner).update() == 1;
    }

    void markFailed(long id, String owner, Instant nextAttemptAt, String error) {
        String text = error == null ? "" : error.substring(0, Math.min(error.length(), 500));
        jdbc.sql("update process_command set attempts = attempts + 1, next_attempt_at = ?, last_error = ?, "
                        + "claimed_by = null, claimed_until = null where id = ? and claimed_by = ? and status = 'PENDING'")
                .params(Timestamp.from(nextAttemptAt), text, id, owner).update();
    }

    /** Deletes acknowledged commands done before {@code cutoff}; returns how many. */
    int deleteDoneBefore(Instant cutoff) {
        return jdbc.sql("delete from process_command where status = 'DONE' and done_at < ?")
                .param(Timestamp.from(cutoff)).update();
    }

    /** Commands not yet acknowledged: how many, and the oldest. */
    public Backlog backlog() {
        int pending = jdbc.sql("select count(*) from process_command where status = 'PENDING'")
                .query(Integer.class).single();
        Optional<Oldest> oldest = jdbc.sql("select created_at, attempts, last_error from process_command "
                        + "where status = 'PENDING' order by id limit 1")
                .query((rs, n) -> new Oldest(rs.getTimestamp(1).toInstant(), rs.getInt(2), rs.getString(3)))
                .optional();
        return new Backlog(pending, oldest.map(Oldest::createdAt).orElse(null), oldest.map(Oldest::attempts).orElse(0),
                oldest.map(Oldest::lastError).orElse(null));
    }

    /** Every command of an onboarding, oldest first. */
    public List<ProcessCommand> forOnboarding(UUID onboardingId) {
        return jdbc.sql("select " + COLUMNS + " from process_command where onboarding_id = ? order by id")
                .param(onboardingId).query(ProcessCommandStore::map).list();
    }

    private ProcessCommand get(long id) {
        return jdbc.sql("select " + COLUMNS + " from process_command where id = ?").param(id)
                .query(ProcessCommandStore::map).single();
    }

    private static ProcessCommand map(ResultSet rs, int row) throws SQLException {
        long key = rs.getLong("process_instance_key");
        return new ProcessCommand(rs.getLong("id"), rs.getObject("onboarding_id", UUID.class),
                ProcessCommand.Kind.valueOf(rs.getString("kind")), rs.getString("message_name"),
                rs.getString("message_id"), rs.getString("variables"), rs.getInt("attempts"),
                rs.wasNull() ? null : key, rs.getTimestamp("created_at").toInstant());
    }

    /**
     * Commands the engine has not acknowledged yet.
     *
     * @param oldestAt        when the oldest of them was written, or null
     * @param oldestAttempts  how often the oldest was tried
     * @param oldestLastError why its last try failed, or null
     */
    public record Backlog(int pending, Instant oldestAt, int oldestAttempts, String oldestLastError) {
    }

    private record Oldest(Instant createdAt, int attempts, String lastError) {
    }
}
