package io.quanyu.ads.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Conversions between money as {@link BigDecimal} currency units and the long micro-units (millionths) that the ad
 * events and this domain's counters use: integer micros add up exactly, which attribution relies on.
 */
public final class Micros {

    /** Micros in one currency unit. */
    public static final long PER_UNIT = 1_000_000L;

    private Micros() {
    }

    /**
     * The amount in micros; digits beyond the sixth decimal are rounded half-even (no currency has them, so this
     * only absorbs noise from upstream arithmetic).
     *
     * @throws ArithmeticException when the amount does not fit in a long (above about 9.2 trillion units)
     */
    public static long of(BigDecimal amount) {
        return amount.setScale(6, RoundingMode.HALF_EVEN).movePointRight(6).longValueExact();
    }

    /** The micros as an exact currency amount with six decimals. */
    public static BigDecimal toDecimal(long micros) {
        return BigDecimal.valueOf(micros, 6);
    }

    /** The micros in currency units as a double, for ratios and charts (not for sums that must be exact). */
    public static double toUnits(long micros) {
        return micros / (double) PER_UNIT;
    }

    /** Currency units (a double) to micros, rounded to the nearest micro. */
    public static long fromUnits(double units) {
        return Math.round(units * PER_UNIT);
    }
}
