package io.quanyu.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket: a burst, then one per refill, per identity, with memory bounded. */
class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(10), 2, nanos::get);

    @Test
    void aBurstThenOnePerRefill() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("a")).isEmpty();
        }
        assertThat(limiter.acquire("a")).contains(Duration.ofSeconds(10));
        assertThat(limiter.acquire("b")).as("identities are apart").isEmpty();
        nanos.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(limiter.acquire("a")).contains(Duration.ofSeconds(6));
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(limiter.acquire("a")).isEmpty();
        assertThat(limiter.acquire("a")).isPresent();
    }

    @Test
    void fullBucketsAreForgottenWhenTooManyIdentities() {
        limiter.acquire("a");
        limiter.acquire("b");
        nanos.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(limiter.acquire("c")).isEmpty();
        for (int i = 0; i < 3; i++) {
            limiter.acquire("c");
        }
        assertThat(limiter.acquire("c")).as("a new bucket is not a way around the limit").isPresent();
    }
}
