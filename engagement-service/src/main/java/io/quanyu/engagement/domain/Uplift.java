package io.quanyu.engagement.domain;

/**
 * Conversion uplift of treated over holdout customers: the difference of the two conversion rates with a 95 %
 * interval by Newcombe's hybrid score method (his method 10, from Wilson intervals of each rate), which keeps its
 * coverage with small groups and rates near 0 or 1 where the Wald interval does not. Wald is given for comparison.
 */
public record Uplift(long treated, long treatedConversions, long holdout, long holdoutConversions, Double treatedRate, Double holdoutRate,
                     Double difference, Interval newcombe, Interval wald) {

    /** A two-sided interval. */
    public record Interval(double lower, double upper) {

        public boolean contains(double x) {
            return lower <= x && x <= upper;
        }
    }

    /** z for a two-sided 95 % interval. */
    public static final double Z95 = 1.959963984540054;

    public static Uplift of(long treated, long treatedConversions, long holdout, long holdoutConversions) {
        if (treatedConversions < 0 || treatedConversions > treated || holdoutConversions < 0 || holdoutConversions > holdout) {
            throw new IllegalArgumentException("conversions must be from 0 to the group size");
        }
        Double p1 = treated == 0 ? null : treatedConversions / (double) treated;
        Double p2 = holdout == 0 ? null : holdoutConversions / (double) holdout;
        if (p1 == null || p2 == null) {
            return new Uplift(treated, treatedConversions, holdout, holdoutConversions, p1, p2, null, null, null);
        }
        double d = p1 - p2;
        Interval w1 = wilson(treatedConversions, treated, Z95);
        Interval w2 = wilson(holdoutConversions, holdout, Z95);
        Interval newcombe = new Interval(d - Math.sqrt(sq(p1 - w1.lower()) + sq(w2.upper() - p2)),
                d + Math.sqrt(sq(w1.upper() - p1) + sq(p2 - w2.lower())));
        double se = Math.sqrt(p1 * (1 - p1) / treated + p2 * (1 - p2) / holdout);
        Interval wald = new Interval(d - Z95 * se, d + Z95 * se);
        return new Uplift(treated, treatedConversions, holdout, holdoutConversions, p1, p2, d, newcombe, wald);
    }

    /** Wilson's score interval for x successes out of n (n > 0). */
    public static Interval wilson(long x, long n, double z) {
        double p = x / (double) n;
        double z2 = z * z;
        double centre = 2 * n * p + z2;
        double spread = z * Math.sqrt(z2 + 4 * n * p * (1 - p));
        double denominator = 2 * (n + z2);
        return new Interval(Math.max(0, (centre - spread) / denominator), Math.min(1, (centre + spread) / denominator));
    }

    private static double sq(double x) {
        return x * x;
    }
}
