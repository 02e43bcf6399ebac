package io.quanyu.engagement.domain;

import java.time.Duration;
import java.util.Locale;

/**
 * What becomes of a webhook delivery after an attempt: a 2xx is delivered; a 5xx, 408, 429, a time-out or a failed
 * connection is retried after an exponentially growing delay with jitter, until the webhook's attempts are used up;
 * any other answer (4xx, a redirect) means the receiver refuses this request as it is, so it is dead at once.
 */
public record DeliveryPolicy(Duration base, Duration cap) {

    /** What an attempt came to. */
    public enum Outcome {
        DELIVERED, RETRIED, DEAD;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the receiver did: an HTTP status, or no answer (status null) with the error. */
    public record Attempt(Integer status, String error) {

        public static Attempt answered(int status) {
            return new Attempt(status, null);
        }

        public static Attempt failed(String error) {
            return new Attempt(null, error);
        }
    }

    /** The decision: the outcome and, for a retry, the delay before the next attempt. */
    public record Decision(Outcome outcome, Duration retryIn, Integer status, String error) {
    }

    public DeliveryPolicy {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff base must be positive and at most the cap");
        }
    }

    /**
     * Decides after attempt number {@code attempts} (1 = the first) of at most {@code maxAttempts};
     * {@code random} in [0, 1) draws the jitter.
     */
    public Decision decide(Attempt a, int attempts, int maxAttempts, double random) {
        if (a.status() != null && a.status() >= 200 && a.status() < 300) {
            return new Decision(Outcome.DELIVERED, null, a.status(), null);
        }
        String error = a.status() == null ? a.error() : "HTTP " + a.status();
        if (!retryable(a)) {
            return new Decision(Outcome.DEAD, null, a.status(), error + " (refused by the receiver: not retried)");
        }
        if (attempts >= maxAttempts) {
            return new Decision(Outcome.DEAD, null, a.status(), error + " (after " + attempts + " attempts)");
        }
        return new Decision(Outcome.RETRIED, delay(attempts, random), a.status(), error);
    }

    /** No answer, a server error, or an answer that asks to come back later. */
    static boolean retryable(Attempt a) {
        return a.status() == null || a.status() >= 500 || a.status() == 429 || a.status() == 408;
    }

    /**
     * "Equal jitter": half of min(cap, base * 2^(attempts - 1)) fixed, the other half random. The fixed half keeps a
     * floor under the retry rate of a failing endpoint; the random half spreads retries of many deliveries that failed
     * together (an endpoint back up) so they do not all arrive at once again.
     */
    public Duration delay(int attempts, double random) {
        long baseMs = base.toMillis();
        long capMs = cap.toMillis();
        int shift = Math.min(Math.max(attempts - 1, 0), 40);
        long ceiling = baseMs > capMs >> shift ? capMs : baseMs << shift;
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random * (ceiling - half)));
    }
}
