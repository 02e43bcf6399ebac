package io.quanyu.testkit.bench;

import java.util.Arrays;

/** Medians and percentiles of benchmark samples: these machines are noisy, so means are not quoted. */
public final class Stats {

    private Stats() {
    }

    /** The q-quantile (0..1) by nearest rank. */
    public static double quantile(double[] samples, double q) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        double[] s = samples.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(q * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, rank))];
    }

    public static double median(double[] samples) {
        return quantile(samples, 0.5);
    }
}
