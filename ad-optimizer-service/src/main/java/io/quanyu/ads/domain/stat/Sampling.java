package io.quanyu.ads.domain.stat;

import java.util.random.RandomGenerator;

/** Random draws from the distributions the allocator's posteriors and the simulator use, from an injected generator. */
public final class Sampling {

    private Sampling() {
    }

    /** Gamma(shape, scale) (mean shape·scale) by Marsaglia and Tsang's squeeze method. */
    public static double gamma(RandomGenerator rng, double shape, double scale) {
        if (!(shape > 0) || !(scale > 0)) {
            throw new IllegalArgumentException("gamma needs shape > 0 and scale > 0, got " + shape + ", " + scale);
        }
        if (shape < 1) {
            // Boost: Gamma(k) = Gamma(k + 1) · U^(1/k), since the method needs shape >= 1.
            double u = rng.nextDouble();
            return gamma(rng, shape + 1, scale) * Math.pow(u == 0 ? Double.MIN_VALUE : u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v * scale;
            }
        }
    }

    /** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
    public static double beta(RandomGenerator rng, double a, double b) {
        double x = gamma(rng, a, 1);
        double y = gamma(rng, b, 1);
        return x / (x + y);
    }

    /** exp(N(mu, sigma²)); its mean is exp(mu + sigma²/2). */
    public static double logNormal(RandomGenerator rng, double mu, double sigma) {
        return Math.exp(mu + sigma * rng.nextGaussian());
    }

    /** Binomial(n, p) by geometric skips between successes: O(n·min(p, 1-p) + 1) work. */
    public static long binomial(RandomGenerator rng, long n, double p) {
        if (n < 0 || !(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("binomial needs n >= 0 and 0 <= p <= 1, got " + n + ", " + p);
        }
        if (p == 0 || n == 0) {
            return 0;
        }
        if (p == 1) {
            return n;
        }
        if (p > 0.5) {
            return n - binomial(rng, n, 1 - p);
        }
        double logQ = Math.log1p(-p);
        long successes = 0;
        long position = 0;
        while (true) {
            double u = 1 - rng.nextDouble(); // in (0, 1], so the log is finite
            position += (long) Math.floor(Math.log(u) / logQ) + 1;
            if (position > n) {
                return successes;
            }
            successes++;
        }
    }
}
