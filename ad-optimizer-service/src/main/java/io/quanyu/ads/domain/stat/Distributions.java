package io.quanyu.ads.domain.stat;

/**
 * The few distribution functions the experiments need (normal and Student t CDF and quantile, log-gamma, regularized
 * incomplete beta), written here so the domain needs no numerics library. Accuracy is about 1e-14 absolute for the
 * CDFs, ample for p-values and confidence intervals.
 */
public final class Distributions {

    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
            771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
            9.9843695780195716e-6, 1.5056327351493116e-7};

    private Distributions() {
    }

    /** The standard normal density. */
    public static double normalPdf(double x) {
        return Math.exp(-0.5 * x * x) / SQRT_2PI;
    }

    /** The standard normal CDF Φ(x). */
    public static double normalCdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < -3) {
            return upperTail(-x);
        }
        if (x > 3) {
            return 1 - upperTail(x);
        }
        // Taylor series of Φ around 0 (Marsaglia 2004): Φ(x) = 1/2 + φ(x)(x + x^3/3 + x^5/(3·5) + ...), exact to
        // ~1e-16 absolute here, where the result is at least 1e-3 so relative accuracy holds too.
        double term = x;
        double sum = x;
        double x2 = x * x;
        for (int k = 3; k < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); k += 2) {
            term *= x2 / k;
            sum += term;
        }
        return 0.5 + normalPdf(x) * sum;
    }

    /** 1 - Φ(x) for x >= 3 by the Laplace continued fraction, which keeps relative accuracy deep in the tail. */
    private static double upperTail(double x) {
        double f = x;
        for (int k = 120; k >= 1; k--) {
            f = x + k / f;
        }
        return normalPdf(x) / f;
    }

    /** The standard normal quantile Φ⁻¹(p); -∞ at 0 and +∞ at 1. */
    public static double normalQuantile(double p) {
        checkProbability(p);
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (p > 0.5) {
            return -normalQuantile(1 - p);
        }
        // Bisection to a close bracket, then Newton steps polish to full precision.
        double lo = -40;
        double hi = 0;
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            if (normalCdf(mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double x = 0.5 * (lo + hi);
        for (int i = 0; i < 3; i++) {
            double d = normalPdf(x);
            if (d == 0) {
                break;
            }
            x -= (normalCdf(x) - p) / d;
        }
        return x;
    }

    /** ln Γ(x) for x > 0, by the Lanczos approximation (g = 7). */
    public static double logGamma(double x) {
        if (x <= 0) {
            throw new IllegalArgumentException("logGamma needs x > 0, got " + x);
        }
        if (x < 0.5) {
            // Reflection keeps the approximation in its accurate range.
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double a = LANCZOS[0];
        double t = z + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) {
            a += LANCZOS[i] / (z + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /** The regularized incomplete beta function I_x(a, b), for a, b > 0 and 0 <= x <= 1. */
    public static double regularizedBeta(double x, double a, double b) {
        if (a <= 0 || b <= 0 || x < 0 || x > 1 || Double.isNaN(x)) {
            throw new IllegalArgumentException("regularizedBeta needs a, b > 0 and 0 <= x <= 1");
        }
        if (x == 0 || x == 1) {
            return x;
        }
        double logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
        // The continued fraction converges fast only below the mean; use I_x(a,b) = 1 - I_{1-x}(b,a) above it.
        if (x > (a + 1) / (a + b + 2)) {
            return 1 - Math.exp(logFront) * betaFraction(1 - x, b, a) / b;
        }
        return Math.exp(logFront) * betaFraction(x, a, b) / a;
    }

    /** The continued fraction of the incomplete beta function, by the modified Lentz method. */
    private static double betaFraction(double x, double a, double b) {
        double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.abs(d) < tiny ? tiny : d);
        double h = d;
        for (int m = 1; m <= 10_000; m++) {
            int m2 = 2 * m;
            double num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + num * d;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = 1 + num / c;
            c = Math.abs(c) < tiny ? tiny : c;
            h *= d * c;
            num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + num * d;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = 1 + num / c;
            c = Math.abs(c) < tiny ? tiny : c;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-15) {
                break;
            }
        }
        return h;
    }

    /** The CDF of Student's t distribution with df > 0 degrees of freedom (df may be fractional, as in Welch). */
    public static double studentTCdf(double t, double df) {
        if (df <= 0) {
            throw new IllegalArgumentException("degrees of freedom must be positive, got " + df);
        }
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return t > 0 ? 1 : 0;
        }
        double tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
        return t > 0 ? 1 - tail : tail;
    }

    /** The quantile of Student's t distribution, by bisection on the CDF. */
    public static double studentTQuantile(double p, double df) {
        checkProbability(p);
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (p > 0.5) {
            return -studentTQuantile(1 - p, df);
        }
        double lo = -1;
        while (studentTCdf(lo, df) > p) {
            lo *= 2;
        }
        double hi = 0;
        for (int i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, -lo); i++) {
            double mid = 0.5 * (lo + hi);
            if (studentTCdf(mid, df) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static void checkProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
        }
    }
}
