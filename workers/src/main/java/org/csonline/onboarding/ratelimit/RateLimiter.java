package org.csonline.onboarding.ratelimit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.csonline.onboarding.ratelimit.RateLimitProperties.Limit;
import org.csonline.onboarding.support.Secrets;
import org.csonline.onboarding.support.Upserts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;

/**
 * Token buckets per action, per account and per client address, in the database so that every instance of the app
 * counts the same attempts. A bucket of {@code capacity} tokens refills continuously over {@code period}; it is
 * stored as the one instant it is full again (the "generic cell rate algorithm"), and each attempt locks its row
 * while it moves that instant, so attempts sent in parallel to several instances are all counted.
 */
@Service
public class RateLimiter {

    /** Full buckets (rows whose instant has passed) are deleted once every this many attempts on an instance. */
    static final int PRUNE_EVERY = 1_000;
    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    /** Attempts counted on this thread since {@link #countAttempts()}, so a request that failed can give them back. */
    private static final ThreadLocal<List<Taken>> TAKEN = new ThreadLocal<>();

    private final JdbcClient jdbc;
    private final Upserts upserts;
    private final Secrets secrets;
    private final RateLimitProperties properties;
    private final Clock clock;
    private final AtomicLong attempts = new AtomicLong();

    public RateLimiter(JdbcClient jdbc, Upserts upserts, Secrets secrets, RateLimitProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.upserts = upserts;
        this.secrets = secrets;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Counts one attempt at {@code action} by {@code account} (may be null when nobody is known yet) from
     * {@code clientAddress}; throws {@link RateLimitedException} when either has had enough.
     */
    public void check(RateLimitedAction action, String account, String clientAddress) {
        Limit limit = properties.limit(action);
        Duration wait = Duration.ZERO;
        if (account != null && !account.isBlank()) {
            wait = max(wait, consume(action + "|a|" + account, limit.perAccount(), limit.period()));
        }
        if (clientAddress != null && !clientAddress.isBlank()) {
            wait = max(wait, consume(action + "|c|" + clientAddress, limit.perAddress(), limit.period()));
        }
        if (attempts.incrementAndGet() % PRUNE_EVERY == 0) {
            prune();
        }
        if (wait.isPositive()) {
            throw new RateLimitedException(action, wait);
        }
    }

    /** Takes a token from the bucket; returns zero, or how long until one is there when none is. */
    private Duration consume(String bucket, int capacity, Duration period) {
        // Hashed: the keys hold email addresses and client addresses.
        String key = secrets.hash("rate-limit:" + bucket);
        return upserts.atomically(() -> {
            Instant now = clock.instant();
            Instant fullAt = lockedBucket(key, now);
            Instant after = (fullAt.isAfter(now) ? fullAt : now).plus(period.dividedBy(capacity));
            Duration ahead = Duration.between(now, after);
            if (ahead.compareTo(period) > 0) {
                return ahead.minus(period);
            }
            jdbc.sql("update rate_limit_bucket set full_at = ? where bucket_key = ?")
                    .params(Timestamp.from(after), key).update();
            List<Taken> taken = TAKEN.get();
            if (taken != null) {
                taken.add(new Taken(key, period.dividedBy(capacity)));
            }
            return Duration.ZERO;
        });
    }

    /**
     * The bucket's full instant, its row locked, made first if there is none. A bucket found full is deleted by
     * {@link #prune()}, which another request may run between the insert and the lock: then it is made again.
     */
    private Instant lockedBucket(String key, Instant now) {
        for (int attempt = 1; ; attempt++) {
            upserts.insertIfAbsent(() -> jdbc.sql("insert into rate_limit_bucket (bucket_key, full_at) values (?, ?)")
                    .params(key, Timestamp.from(now)).update());
            Optional<Timestamp> fullAt = jdbc.sql("select full_at from rate_limit_bucket where bucket_key = ? for update")
                    .param(key).query(Timestamp.class).optional();
            if (fullAt.isPresent()) {
                return fullAt.get().toInstant();
            }
            if (attempt == 3) {
                throw new IllegalStateException("A rate-limit bucket was pruned three times while it was being used");
            }
        }
    }

    /**
     * Starts remembering what this thread's checks take (one web request). A request that failed on our side (the
     * database away) gives its attempts back with {@link Attempts#giveBack()}: a code request that never reached a
     * provider must not use up the applicant's limits. Close it when the request ends.
     */
    public Attempts countAttempts() {
        TAKEN.set(new ArrayList<>());
        return new Attempts();
    }

    /** One token taken from a bucket: giving it back moves the bucket's full instant back by one step. */
    private record Taken(String key, Duration step) {
    }

    /** The attempts one request took. */
    public final class Attempts implements AutoCloseable {

        private Attempts() {
        }

        public void giveBack() {
            List<Taken> taken = TAKEN.get();
            if (taken == null) {
                return;
            }
            try {
                for (Taken token : taken) {
                    upserts.atomically(() -> {
                        jdbc.sql("select full_at from rate_limit_bucket where bucket_key = ? for update")
                                .param(token.key()).query(Timestamp.class).optional()
                                .ifPresent(fullAt -> jdbc.sql("update rate_limit_bucket set full_at = ? where bucket_key = ?")
                                        .params(Timestamp.from(fullAt.toInstant().minus(token.step())), token.key())
                                        .update());
                        return null;
                    });
                }
            } catch (DataAccessException | TransactionException e) {
                // The database is still away (no connection, or no transaction to be had): the attempts stay
                // counted, which errs on the safe side.
                log.warn("Could not give back {} rate-limit attempt(s): {}", taken.size(), e.getMessage());
            }
            taken.clear();
        }

        @Override
        public void close() {
            TAKEN.remove();
        }
    }

    /** Full buckets are the same as none. */
    int prune() {
        return jdbc.sql("delete from rate_limit_bucket where full_at < ?").param(Timestamp.from(clock.instant()))
                .update();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
