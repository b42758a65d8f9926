package org.csonline.onboarding.ratelimit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.csonline.onboarding.ratelimit.RateLimitProperties.Limit;
import org.csonline.onboarding.support.Secrets;
import org.csonline.onboarding.support.Upserts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

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
            upserts.insertIfAbsent(() -> jdbc.sql("insert into rate_limit_bucket (bucket_key, full_at) values (?, ?)")
                    .params(key, Timestamp.from(now)).update());
            Instant fullAt = jdbc.sql("select full_at from rate_limit_bucket where bucket_key = ? for update")
                    .param(key).query(Timestamp.class).single().toInstant();
            Instant after = (fullAt.isAfter(now) ? fullAt : now).plus(period.dividedBy(capacity));
            Duration ahead = Duration.between(now, after);
            if (ahead.compareTo(period) > 0) {
                return ahead.minus(period);
            }
            jdbc.sql("update rate_limit_bucket set full_at = ? where bucket_key = ?")
                    .params(Timestamp.from(after), key).update();
            return Duration.ZERO;
        });
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
