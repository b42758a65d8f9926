package org.csonline.onboarding.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.csonline.onboarding.ratelimit.RateLimitProperties.Limit;
import org.springframework.stereotype.Service;

/**
 * Token buckets (bucket4j) per action, per account and per client address, kept in memory. Each instance of the
 * app counts on its own; a cluster would move the buckets to a shared store (bucket4j supports JDBC and Redis).
 */
@Service
public class RateLimiter {

    /** Past this many buckets, full ones (nobody used them lately) are dropped. */
    static final int PRUNE_ABOVE = 10_000;

    private final RateLimitProperties properties;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(RateLimitProperties properties, Clock clock) {
        this.properties = properties;
        this.time = new ClockTimeMeter(clock);
    }

    /**
     * Counts one attempt at {@code action} by {@code account} (may be null when nobody is known yet) from
     * {@code clientAddress}; throws {@link RateLimitedException} when either has had enough.
     */
    public void check(RateLimitedAction action, String account, String clientAddress) {
        Limit limit = properties.limit(action);
        long waitNanos = 0;
        if (account != null && !account.isBlank()) {
            waitNanos = Math.max(waitNanos, consume(action + "|a|" + account, limit.perAccount(), limit.period()));
        }
        if (clientAddress != null && !clientAddress.isBlank()) {
            waitNanos = Math.max(waitNanos, consume(action + "|c|" + clientAddress, limit.perAddress(), limit.period()));
        }
        if (waitNanos > 0) {
            throw new RateLimitedException(action, Duration.ofNanos(waitNanos));
        }
    }

    private long consume(String key, int capacity, Duration period) {
        if (buckets.size() > PRUNE_ABOVE) {
            prune();
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .withCustomTimePrecision(time)
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            List<Bucket> taken = TAKEN.get();
            if (taken != null) {
                taken.add(bucket);
            }
        }
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    /** Attempts counted on this thread since {@link #countAttempts()}, so a request that failed can give them back. */
    private static final ThreadLocal<List<Bucket>> TAKEN = new ThreadLocal<>();

    /**
     * Starts remembering what this thread's checks take (one web request). A request that failed on our side (the
     * database away) gives its attempts back with {@link Attempts#giveBack()}: a code request that never reached a
     * provider must not use up the applicant's limits. Close it when the request ends.
     */
    public Attempts countAttempts() {
        TAKEN.set(new ArrayList<>());
        return new Attempts();
    }

    /** The attempts one request took. */
    public static final class Attempts implements AutoCloseable {

        private Attempts() {
        }

        public void giveBack() {
            List<Bucket> taken = TAKEN.get();
            if (taken != null) {
                taken.forEach(bucket -> bucket.addTokens(1));
                taken.clear();
            }
        }

        @Override
        public void close() {
            TAKEN.remove();
        }
    }

    private void prune() {
        buckets.entrySet().removeIf(e -> {
            String action = e.getKey().substring(0, e.getKey().indexOf('|'));
            Limit limit = properties.limit(RateLimitedAction.valueOf(action));
            long capacity = e.getKey().contains("|a|") ? limit.perAccount() : limit.perAddress();
            return e.getValue().getAvailableTokens() >= capacity;
        });
    }

    int bucketCount() {
        return buckets.size();
    }

    /** Bucket time from the application clock, so tests move time instead of sleeping. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            return clock.millis() * 1_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
