package io.quanyu.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quanyu.engagement.domain.DeliveryPolicy.Attempt;
import io.quanyu.engagement.domain.DeliveryPolicy.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which answers are delivered, retried or dead at once, and the retry delays' growth, cap and jitter. */
class DeliveryPolicyTest {

    private final DeliveryPolicy policy = new DeliveryPolicy(Duration.ofSeconds(10), Duration.ofHours(1));

    @Test
    void twoHundredsAreDeliveredServerErrorsAndNoAnswerRetriedOtherRefusalsDeadAtOnce() {
        for (int status : new int[] {200, 201, 202, 204, 299}) {
            assertThat(policy.decide(Attempt.answered(status), 1, 8, 0.5).outcome()).as("HTTP %d", status).isEqualTo(Outcome.DELIVERED);
        }
        for (int status : new int[] {500, 502, 503, 504, 429, 408}) {
            DeliveryPolicy.Decision d = policy.decide(Attempt.answered(status), 1, 8, 0.5);
            assertThat(d.outcome()).as("HTTP %d", status).isEqualTo(Outcome.RETRIED);
            assertThat(d.status()).isEqualTo(status);
            assertThat(d.error()).isEqualTo("HTTP " + status);
        }
        for (String error : new String[] {"timed out: request timed out", "ConnectException: Connection refused"}) {
            DeliveryPolicy.Decision d = policy.decide(Attempt.failed(error), 1, 8, 0.5);
            assertThat(d.outcome()).isEqualTo(Outcome.RETRIED);
            assertThat(d.status()).isNull();
            assertThat(d.error()).isEqualTo(error);
        }
        for (int status : new int[] {400, 401, 403, 404, 410, 422, 301, 302}) {
            DeliveryPolicy.Decision d = policy.decide(Attempt.answered(status), 1, 8, 0.5);
            assertThat(d.outcome()).as("HTTP %d", status).isEqualTo(Outcome.DEAD);
            assertThat(d.retryIn()).isNull();
            assertThat(d.error()).startsWith("HTTP " + status).contains("not retried");
        }
    }

    @Test
    void theLastAllowedAttemptThatFailsIsDead() {
        assertThat(policy.decide(Attempt.answered(500), 7, 8, 0.5).outcome()).isEqualTo(Outcome.RETRIED);
        DeliveryPolicy.Decision last = policy.decide(Attempt.answered(500), 8, 8, 0.5);
        assertThat(last.outcome()).isEqualTo(Outcome.DEAD);
        assertThat(last.error()).isEqualTo("HTTP 500 (after 8 attempts)");
        assertThat(policy.decide(Attempt.answered(503), 1, 1, 0.5).outcome()).as("max_attempts 1: no retry").isEqualTo(Outcome.DEAD);
        assertThat(policy.decide(Attempt.answered(200), 8, 8, 0.5).outcome()).as("the last attempt may succeed").isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void delaysDoubleFromTheBaseWithHalfOfEachRandomUpToTheCap() {
        // After attempt n the ceiling is min(cap, 10 s * 2^(n-1)); the delay lies in [ceiling / 2, ceiling).
        long[] ceilings = {10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600};
        for (int n = 1; n <= ceilings.length; n++) {
            long c = ceilings[n - 1] * 1000;
            assertThat(policy.delay(n, 0.0).toMillis()).as("attempt %d, no jitter", n).isEqualTo(c / 2);
            assertThat(policy.delay(n, 0.999_999).toMillis()).as("attempt %d, most jitter", n).isLessThan(c).isGreaterThanOrEqualTo(c * 99 / 100);
            assertThat(policy.decide(Attempt.answered(500), n, 100, 0.5).retryIn()).isEqualTo(Duration.ofMillis(c / 2 + c / 4));
        }
        assertThat(policy.delay(1000, 0.0)).as("no overflow far out").isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void jitterSpreadsRetriesOverTheUpperHalf() {
        java.util.Random random = new java.util.Random(19);
        int[] buckets = new int[4];
        for (int i = 0; i < 40_000; i++) {
            long ms = policy.delay(3, random.nextDouble()).toMillis();
            assertThat(ms).isBetween(20_000L, 39_999L);
            buckets[(int) ((ms - 20_000) / 5_000)]++;
        }
        for (int b : buckets) {
            assertThat(b).as("each quarter of [20 s, 40 s) gets about a quarter").isBetween(9_400, 10_600);
        }
    }

    @Test
    void aBaseAboveTheCapIsRefused() {
        assertThatThrownBy(() -> new DeliveryPolicy(Duration.ofMinutes(2), Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryPolicy(Duration.ZERO, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
