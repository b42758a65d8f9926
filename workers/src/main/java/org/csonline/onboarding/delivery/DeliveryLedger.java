package org.csonline.onboarding.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.csonline.onboarding.outbox.Channel;
import org.csonline.onboarding.support.DatabaseFailures;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes sends exactly-once on at-least-once jobs. Each send has a key (onboarding, step, attempt) and a row that is
 * written before and after the provider call:
 * <ol>
 * <li>before: the run <em>claims</em> the key. The first claim is an insert only one run can win; a key whose
 * earlier send failed, or whose claim is older than {@code cso.delivery.claim-timeout} (its run died), is claimed
 * again with a compare-and-set on the claim counter, which again only one run can win;</li>
 * <li>after: the key is marked SENT as soon as the provider answered, or released with the failure counted when
 * the provider failed, so the next try may claim it.</li>
 * </ol>
 * A run that finds the key SENT sends nothing; one that finds it freshly claimed by another run throws
 * {@link DeliveryInProgressException} and sends nothing. Statements run outside any transaction on purpose: a claim
 * must be visible to other runs before the provider is called. When the provider took the message but the database
 * went away before SENT was written, this instance remembers the send and writes it before the key is claimed
 * again, so the job's next run completes instead of waiting out the claim and sending a second time.
 */
@Component
public class DeliveryLedger {

    private static final int ALREADY_SENT = 0;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DeliveryProperties properties;
    /** Sends the provider took whose SENT the database missed: delivery key to when, and the provider's reference. */
    private final Map<String, Sent> unrecorded = new ConcurrentHashMap<>();

    public DeliveryLedger(JdbcClient jdbc, Clock clock, DeliveryProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** Runs {@code send} unless a send under the same key already succeeded; returns whether it ran. */
    public boolean once(String deliveryKey, Channel channel, Runnable send) {
        return once(deliveryKey, channel, () -> {
            send.run();
            return null;
        });
    }

    /**
     * Runs {@code send} unless a send under the same key already succeeded or is under way; returns whether it ran.
     *
     * @param send calls the provider and returns its reference for the message (SendGrid message id, Twilio
     *             verification SID), or null
     * @throws DeliveryInProgressException when another run holds a live claim on the key
     * @throws ProviderFailure             when the provider failed; the failure is counted on the key
     */
    public boolean once(String deliveryKey, Channel channel, Supplier<String> send) {
        int claim = claim(deliveryKey, channel);
        if (claim == ALREADY_SENT) {
            return false;
        }
        String providerRef;
        try {
            providerRef = send.get();
        } catch (ProviderFailure failure) {
            throw failure.counted(release(deliveryKey, claim, failure.getMessage()));
        } catch (RuntimeException e) {
            release(deliveryKey, claim, e.getClass().getSimpleName());
            throw e;
        }
        Sent sent = new Sent(clock.instant(), providerRef);
        try {
            markSent(deliveryKey, sent);
        } catch (RuntimeException e) {
            if (DatabaseFailures.isUnreachable(e)) {
                unrecorded.put(deliveryKey, sent);
            }
            throw e;
        }
        return true;
    }

    private void markSent(String deliveryKey, Sent sent) {
        jdbc.sql("update message_delivery set status = 'SENT', sent_at = ?, provider_ref = ?, last_error = null "
                        + "where delivery_key = ?")
                .params(Timestamp.from(sent.at()), sent.providerRef(), deliveryKey)
                .update();
    }

    public boolean alreadySent(String deliveryKey) {
        return state(deliveryKey).map(s -> s.status().equals("SENT")).orElse(false);
    }

    /** The claim number this run now owns, or {@link #ALREADY_SENT}. */
    private int claim(String deliveryKey, Channel channel) {
        Sent sentEarlier = unrecorded.get(deliveryKey);
        if (sentEarlier != null) {
            markSent(deliveryKey, sentEarlier);
            unrecorded.remove(deliveryKey);
            return ALREADY_SENT;
        }
        Instant now = clock.instant();
        try {
            jdbc.sql("insert into message_delivery (delivery_key, channel, status, created_at, claimed_at, claims) "
                            + "values (?, ?, 'PENDING', ?, ?, 1)")
                    .params(deliveryKey, channel.name(), Timestamp.from(now), Timestamp.from(now))
                    .update();
            return 1;
        } catch (DuplicateKeyException taken) {
            State state = state(deliveryKey).orElseThrow(() -> taken);
            if (state.status().equals("SENT")) {
                return ALREADY_SENT;
            }
            boolean claimable = state.status().equals("FAILED") || state.claimedAt() == null
                    || state.claimedAt().plus(properties.claimTimeout()).isBefore(now);
            if (claimable && jdbc.sql("update message_delivery set status = 'PENDING', claimed_at = ?, "
                            + "claims = claims + 1 where delivery_key = ? and claims = ? and status <> 'SENT'")
                    .params(Timestamp.from(now), deliveryKey, state.claims())
                    .update() == 1) {
                return state.claims() + 1;
            }
            throw new DeliveryInProgressException(deliveryKey);
        }
    }

    /** Gives the key back after a failed call; returns how many times it has failed. */
    private int release(String deliveryKey, int claim, String error) {
        String text = error == null ? "" : error.substring(0, Math.min(error.length(), 500));
        jdbc.sql("update message_delivery set status = 'FAILED', failures = failures + 1, last_error = ? "
                        + "where delivery_key = ? and status = 'PENDING' and claims = ?")
                .params(text, deliveryKey, claim)
                .update();
        return state(deliveryKey).map(State::failures).orElse(1);
    }

    private Optional<State> state(String deliveryKey) {
        return jdbc.sql("select status, claimed_at, claims, failures from message_delivery where delivery_key = ?")
                .param(deliveryKey)
                .query((rs, n) -> new State(rs.getString(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(), rs.getInt(3), rs.getInt(4)))
                .optional();
    }

    private record State(String status, Instant claimedAt, int claims, int failures) {
    }

    private record Sent(Instant at, String providerRef) {
    }
}
