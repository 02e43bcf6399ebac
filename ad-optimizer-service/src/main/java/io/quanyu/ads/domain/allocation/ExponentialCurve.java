package io.quanyu.ads.domain.allocation;

/**
 * revenue(s) = a · (1 − exp(−s / b)): saturates at {@code a}, returns a / b per unit at first, and the marginal return
 * shrinks by e every {@code b} of spend. {@link ResponseCurveFitter} fits it to daily points.
 *
 * @param a the revenue ceiling, >= 0
 * @param b the spend scale of saturation, > 0
 */
public record ExponentialCurve(double a, double b) implements ResponseCurve {

    public ExponentialCurve {
        if (!(a >= 0) || !(b > 0) || Double.isInfinite(a) || Double.isInfinite(b)) {
            throw new IllegalArgumentException("exponential curve needs finite a >= 0 and b > 0, got " + a + ", " + b);
        }
    }

    @Override
    public double revenue(double spend) {
        return -a * Math.expm1(-spend / b);
    }

    @Override
    public double marginal(double spend) {
        return a / b * Math.exp(-spend / b);
    }

    @Override
    public double spendAtMarginal(double lambda, double lo, double hi) {
        if (a == 0 || lambda >= a / b) {
            return lo;
        }
        if (lambda <= 0) {
            return hi;
        }
        // Closed form: a/b · exp(−s/b) = λ  ⇔  s = b · ln(a / (b λ)).
        return Splits.clamp(b * Math.log(a / (b * lambda)), lo, hi);
    }
}
