package io.quanyu.forecast.domain.eval;

import java.util.Arrays;

/**
 * Out-of-sample forecast errors of one model on one series, in log(1 + units), by horizon and for sums over the
 * first k periods, turned into quantiles as centre + scale × shape. Centre (median) and scale (RMS around it) are the
 * series' own per horizon. The shape is a sorted sample of standardised errors; the honest one comes from errors of
 * the same model on another, earlier window standardised by this window's centre and scale: it then carries the
 * optimism of having picked the model on this window and the drift between windows, which in-window errors hide.
 * A small shape sample only sets the spread (normal quantiles times its RMS); a large, pooled one also the tails.
 */
public final class ErrorDistribution {

    /** Below this many samples a horizon's own centre and scale are replaced by the pooled horizons'. */
    static final int MIN_SAMPLES = 8;
    /** Below this many standardised errors the shape is taken as normal. */
    static final int MIN_SHAPE = 40;
    /** From this many standardised errors on (a pooled group), the shape's own tails are used. */
    static final int EMPIRICAL_TAILS = 300;
    /** Log-scale spread assumed when a series has no usable backtest at all (a few points): wide on purpose. */
    static final double DEFAULT_SPREAD = 0.5;

    private final double[][] byHorizon;
    private final double[][] cumulative;
    private final Shape shape;

    /**
     * Sorted standardised errors for single horizons and for sums; a null side means normal.
     *
     * @param horizon    shape of single-period errors
     * @param cumulative shape of errors of sums over periods
     */
    public record Shape(double[] horizon, double[] cumulative) {
    }

    /**
     * @param byHorizon  errors at horizon h+1 in row h
     * @param cumulative errors of the demand summed over the first k+1 periods in row k
     */
    public ErrorDistribution(double[][] byHorizon, double[][] cumulative) {
        this(sortedCopy(byHorizon), sortedCopy(cumulative), null);
    }

    private ErrorDistribution(double[][] byHorizon, double[][] cumulative, Shape shape) {
        this.byHorizon = byHorizon;
        this.cumulative = cumulative;
        this.shape = shape != null ? shape
                : new Shape(enough(standardize(byHorizon, byHorizon)), enough(standardize(cumulative, cumulative)));
    }

    /**
     * The shape of a model's errors on another window standardised by the centres and scales of its errors on the
     * reference (selection) window: how far errors outside the window that chose the model stray from what that
     * window suggests. A side is null when there are too few errors.
     */
    public static Shape calibrationShape(ErrorDistribution reference, ErrorDistribution otherWindow) {
        return new Shape(enough(centred(standardize(reference.byHorizon, otherWindow.byHorizon))),
                enough(centred(standardize(reference.cumulative, otherWindow.cumulative))));
    }

    /** The same centres and scales with other shapes; a null side keeps the current one. */
    public ErrorDistribution withShape(Shape other) {
        return new ErrorDistribution(byHorizon, cumulative, new Shape(
                enough(other.horizon()) != null ? other.horizon() : shape.horizon(),
                enough(other.cumulative()) != null ? other.cumulative() : shape.cumulative()));
    }

    /** The shapes of several distributions together, sorted: better-sampled tails for all of them. */
    public static Shape pooledShape(java.util.List<ErrorDistribution> group) {
        return new Shape(
                group.stream().filter(d -> d.shape.horizon() != null)
                        .flatMapToDouble(d -> Arrays.stream(d.shape.horizon())).sorted().toArray(),
                group.stream().filter(d -> d.shape.cumulative() != null)
                        .flatMapToDouble(d -> Arrays.stream(d.shape.cumulative())).sorted().toArray());
    }

    // The calibration window measures spread, not bias: a level shift between two past windows says little about
    // the next one, and the centre already comes from the most recent window.
    private static double[] centred(double[] z) {
        if (z.length == 0) {
            return z;
        }
        double m = empirical(z, 0.5);
        double[] out = z.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] -= m;
        }
        return out;
    }

    private static double[] enough(double[] z) {
        return z != null && z.length >= MIN_SHAPE ? z : null;
    }

    public int horizons() {
        return byHorizon.length;
    }

    public int sampleCount(int h) {
        return h <= byHorizon.length ? byHorizon[h - 1].length : 0;
    }

    /** Quantile p of the log error at horizon h (1-based). */
    public double quantile(int h, double p) {
        return quantileOf(byHorizon, h, p, shape.horizon());
    }

    /** Quantile p of the log error of the demand summed over periods 1..k. */
    public double cumulativeQuantile(int k, double p) {
        return quantileOf(cumulative, k, p, shape.cumulative());
    }

    private double quantileOf(double[][] rows, int h, double p, double[] z0) {
        double[] cs = centreAndScale(rows, h);
        double z;
        if (z0 == null) {
            z = inverseNormal(p);
        } else if (z0.length < EMPIRICAL_TAILS) {
            // a few dozen standardised errors pin down the spread, not the 2.5 % tails: normal with their RMS
            z = rms(z0) * inverseNormal(p);
        } else {
            z = empirical(z0, p);
        }
        return cs[0] + cs[1] * z;
    }

    /** Median and RMS deviation of a row; borrowed from the pooled rows (scaled by sqrt(h)) when it is too short. */
    private double[] centreAndScale(double[][] rows, int h) {
        if (h >= 1 && h <= rows.length && rows[h - 1].length >= MIN_SAMPLES) {
            return centreAndScale(rows[h - 1]);
        }
        double[] all = Arrays.stream(rows).flatMapToDouble(Arrays::stream).sorted().toArray();
        if (all.length >= 2) {
            double[] cs = centreAndScale(all);
            // errors of a wandering level grow roughly like sqrt(h)
            return new double[] {cs[0], cs[1] * Math.sqrt(Math.max(1, h))};
        }
        return new double[] {0, DEFAULT_SPREAD * Math.sqrt(Math.max(1, h))};
    }

    private static double[] centreAndScale(double[] sorted) {
        double c = empirical(sorted, 0.5);
        double ss = 0;
        for (double v : sorted) {
            ss += (v - c) * (v - c);
        }
        // n - 1: the median was estimated from the same errors
        return new double[] {c, Math.sqrt(ss / Math.max(1, sorted.length - 1))};
    }

    /** Errors of each row of {@code errors}, centred and scaled by the same row of {@code reference}, sorted. */
    private static double[] standardize(double[][] reference, double[][] errors) {
        int rows = Math.min(reference.length, errors.length);
        int total = 0;
        for (int h = 0; h < rows; h++) {
            total += reference[h].length >= MIN_SAMPLES ? errors[h].length : 0;
        }
        double[] out = new double[total];
        int i = 0;
        for (int h = 0; h < rows; h++) {
            if (reference[h].length < MIN_SAMPLES) {
                continue;
            }
            double[] cs = centreAndScale(reference[h]);
            for (double v : errors[h]) {
                out[i++] = cs[1] > 0 ? (v - cs[0]) / cs[1] : 0;
            }
        }
        Arrays.sort(out);
        return out;
    }

    private static double rms(double[] z) {
        double ss = 0;
        for (double v : z) {
            ss += v * v;
        }
        return Math.sqrt(ss / z.length);
    }

    static double empirical(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double[][] sortedCopy(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = Arrays.stream(rows[i]).filter(Double::isFinite).sorted().toArray();
        }
        return out;
    }

    /** Standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
    public static double inverseNormal(double p) {
        if (p <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double q;
        if (p < 0.02425) {
            q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - 0.02425) {
            q = Math.sqrt(-2 * Math.log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
