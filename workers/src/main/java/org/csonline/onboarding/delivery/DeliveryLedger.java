package org.csonline.onboarding.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import org.csonline.onboarding.outbox.Channel;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes sends exactly-once on at-least-once jobs: a send runs only when its key (onboarding, step, attempt)
 * has not been marked sent, and is marked sent as soon as the provider accepted it.
 */
@Component
public class DeliveryLedger {

    private final JdbcClient jdbc;
    private final Clock clock;

    public DeliveryLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Runs {@code send} unless a send under the same key already succeeded; returns whether it ran. */
    public boolean once(String deliveryKey, Channel channel, Runnable send) {
        if (alreadySent(deliveryKey)) {
            return false;
        }
        try {
            jdbc.sql("insert into message_delivery (delivery_key, channel, status, created_at) values (?, ?, 'PENDING', ?)")
                    .params(deliveryKey, channel.name(), Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException earlierAttemptFailed) {
            // A previous run claimed the key but did not finish: the provider never accepted it, so send again.
        }
        send.run();
        jdbc.sql("update message_delivery set status = 'SENT', sent_at = ? where delivery_key = ?")
                .params(Timestamp.from(clock.instant()), deliveryKey)
                .update();
        return true;
    }

    public boolean alreadySent(String deliveryKey) {
        return jdbc.sql("select count(*) from message_delivery where delivery_key = ? and status = 'SENT'")
                .param(deliveryKey)
                .query(Integer.class)
                .single() > 0;
    }
}
