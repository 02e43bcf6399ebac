package io.quanyu.recommender.domain;

import java.time.Duration;
import java.util.Arrays;

/** One user's interactions as parallel arrays (item, weight, epoch second or null), from the matrix or a stream. */
public record History(int[] items, double[] weights, long[] epochSeconds) {

    /** A user with no interactions. */
    public static final History EMPTY = new History(new int[0], new double[0], null);

    // The arrays are shared, not copied: histories are built per request on hot paths. Treat them as read-only.
    public History {
        if (items.length != weights.length || (epochSeconds != null && epochSeconds.length != items.length)) {
            throw new IllegalArgumentException("items, weights and times must have the same length");
        }
    }

    public static History of(int[] items, double[] weights) {
        return new History(items, weights, null);
    }

    public int size() {
        return items.length;
    }

    public boolean isEmpty() {
        return items.length == 0;
    }

    /**
     * The same history with each weight multiplied by {@code 0.5^(age / halfLife)}, age measured back from
     * {@code nowEpochSecond}. Interactions "from the future" (clock skew) count at full weight rather than more.
     */
    public History decayed(Duration halfLife, long nowEpochSecond) {
        if (halfLife == null || epochSeconds == null) {
            return this;
        }
        double[] w = new double[weights.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = weights[k] * decay(halfLife, nowEpochSecond - epochSeconds[k]);
        }
        return new History(items, w, epochSeconds);
    }

    /** {@code 0.5^(ageSeconds / halfLife)}, 1 for non-positive ages or a null half-life. */
    public static double decay(Duration halfLife, long ageSeconds) {
        if (halfLife == null || ageSeconds <= 0) {
            return 1.0;
        }
        return Math.exp(-Math.log(2) * ageSeconds / (double) halfLife.toSeconds());
    }

    /** Whether the history names {@code item}: a linear scan, fine for the short live histories it is used on. */
    public boolean contains(int item) {
        for (int i : items) {
            if (i == item) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "History" + Arrays.toString(items);
    }
}
