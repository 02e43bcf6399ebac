package io.quanyu.support;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per identity: {@code capacity} calls at once, then one more per {@code refill}. In memory, per
 * instance: it bounds what one credential can do to one instance, which is what the endpoints using it need.
 */
public final class RateLimiter {

    private final int capacity;
    private final long refillNanos;
    private final int maxIdentities;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int capacity, Duration refill, int maxIdentities) {
        this(capacity, refill, maxIdentities, System::nanoTime);
    }

    RateLimiter(int capacity, Duration refill, int maxIdentities, LongSupplier clock) {
        if (capacity < 1 || refill.isNegative() || refill.isZero() || maxIdentities < 1) {
            throw new IllegalArgumentException("capacity and maxIdentities must be positive, refill longer than zero");
        }
        this.capacity = capacity;
        this.refillNanos = refill.toNanos();
        this.maxIdentities = maxIdentities;
        this.clock = clock;
    }

    /** Takes a token of this identity: empty when allowed, else how long until the next one. */
    public Optional<Duration> acquire(String identity) {
        long now = clock.getAsLong();
        if (buckets.size() >= maxIdentities && !buckets.containsKey(identity)) {
            forgetFull(now);
        }
        return buckets.computeIfAbsent(identity, k -> new Bucket(capacity, now)).take(now);
    }

    /** Buckets refilled to the top carry no state worth keeping: dropping them bounds memory without letting anyone burst more. */
    private void forgetFull(long now) {
        buckets.entrySet().removeIf(e -> e.getValue().fullAt(now));
    }

    private final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        synchronized Optional<Duration> take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) * refillNanos)));
        }

        synchronized boolean fullAt(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            if (now > at) {
                tokens = Math.min(capacity, tokens + (double) (now - at) / refillNanos);
                at = now;
            }
        }
    }
}
