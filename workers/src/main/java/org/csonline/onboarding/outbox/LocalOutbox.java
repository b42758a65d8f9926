package org.csonline.onboarding.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Plays SendGrid and Twilio when no keys are configured: every message is stored, and the local profile shows
 * them at /dev/outbox. Messages hold codes in clear, as a real inbox or phone would.
 */
@Component
public class LocalOutbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    public LocalOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void deliver(Channel channel, String to, String subject, String body) {
        jdbc.sql("insert into local_outbox (channel, recipient, subject, body, sent_at) values (?, ?, ?, ?, ?)")
                .params(channel.name(), to, subject, body, Timestamp.from(clock.instant()))
                .update();
    }

    /** Newest first. */
    public List<OutboxEntry> entries() {
        return jdbc.sql("select id, channel, recipient, subject, body, sent_at from local_outbox order by id desc")
                .query(LocalOutbox::entry)
                .list();
    }

    /** One recipient's messages (an email address, or a phone number in E.164), newest first. */
    public List<OutboxEntry> entriesTo(String recipient) {
        return jdbc.sql("select id, channel, recipient, subject, body, sent_at from local_outbox where recipient = ?"
                        + " order by id desc")
                .param(recipient)
                .query(LocalOutbox::entry)
                .list();
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
