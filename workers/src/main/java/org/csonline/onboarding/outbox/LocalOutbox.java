package org.csonline.onboarding.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Plays SendGrid and Twilio when no keys are configured: every message is stored, and the local profile shows
 * them at /dev/outbox. Messages hold codes in clear, as a real inbox or phone would.
 */
@Component
public class LocalOutbox {

    /** The longest a reader may wait for a message, however long it asks for. */
    public static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
    /** A reader looks again at least this often, in case it missed the signal of a delivery. */
    private static final long RECHECK_MILLIS = 1000;

    private static final String SELECT = "select id, channel, recipient, subject, body, sent_at from local_outbox";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ReentrantLock arrivalLock = new ReentrantLock();
    private final Condition arrival = arrivalLock.newCondition();
    private long arrivals;

    public LocalOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void deliver(Channel channel, String to, String subject, String body) {
        jdbc.sql("insert into local_outbox (channel, recipient, subject, body, sent_at) values (?, ?, ?, ?, ?)")
                .params(channel.name(), to, subject, body, Timestamp.from(clock.instant()))
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signalArrival();
                }
            });
        } else {
            signalArrival();
        }
    }

    private void signalArrival() {
        arrivalLock.lock();
        try {
            arrivals++;
            arrival.signalAll();
        } finally {
            arrivalLock.unlock();
        }
    }

    /** Newest first. */
    public List<OutboxEntry> entries() {
        return jdbc.sql(SELECT + " order by id desc")
                .query(LocalOutbox::entry)
                .list();
    }

    /** One recipient's messages (an email address, or a phone number in E.164), newest first. */
    public List<OutboxEntry> entriesTo(String recipient) {
        return jdbc.sql(SELECT + " where recipient = ?"
                        + " order by id desc")
                .param(recipient)
                .query(LocalOutbox::entry)
                .list();
    }

    /**
     * One recipient's messages sent at or after {@code since}, newest first, waiting up to {@code wait} (at most
     * {@link #LONGEST_WAIT}) for the first if there is none yet: a reader waiting for a code asks once instead of
     * polling. Empty if none came in time.
     */
    public List<OutboxEntry> entriesTo(String recipient, Instant since, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + (wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait).toNanos();
        while (true) {
            long seen = arrivalsSoFar();
            List<OutboxEntry> entries = jdbc.sql(SELECT + " where recipient = ? and sent_at >= ? order by id desc")
                    .params(recipient, Timestamp.from(since))
                    .query(LocalOutbox::entry)
                    .list();
            long left = deadline - System.nanoTime();
            if (!entries.isEmpty() || left <= 0) {
                return entries;
            }
            arrivalLock.lock();
            try {
                if (arrivals == seen) {
                    arrival.await(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, RECHECK_MILLIS),
                            TimeUnit.MILLISECONDS);
                }
            } finally {
                arrivalLock.unlock();
            }
        }
    }

    private long arrivalsSoFar() {
        arrivalLock.lock();
        try {
            return arrivals;
        } finally {
            arrivalLock.unlock();
        }
    }

    /** Retention: deletes every message to this recipient (an email address, or a phone number in E.164). */
    public void deleteTo(String recipient) {
        jdbc.sql("delete from local_outbox where recipient = ?").param(recipient).update();
    }

    private static OutboxEntry entry(ResultSet rs, int row) throws SQLException {
        return new OutboxEntry(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("body"), rs.getTimestamp("sent_at").toInstant());
    }
}
