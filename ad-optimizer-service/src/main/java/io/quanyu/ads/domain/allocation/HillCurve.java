package io.quanyu.ads.domain.allocation;

/**
 * revenue(s) = a · s^k / (s^k + h^k), the Hill (Michaelis–Menten when k = 1) curve: reaches a / 2 at spend h. Only
 * 0 < k <= 1 is allowed, where it is concave; the S-shaped k > 1 would need a global search.
 */
public record HillCurve(double a, double h, double k) implements ResponseCurve {

    public HillCurve {
        if (!(a >= 0) || !(h > 0) || !(k > 0 && k <= 1) || Double.isInfinite(a) || Double.isInfinite(h)) {
            throw new IllegalArgumentException("Hill curve needs finite a >= 0, h > 0 and 0 < k <= 1");
        }
    }

    @Override
    public double revenue(double spend) {
        if (spend <= 0) {
            return 0;
        }
        double x = Math.pow(spend / h, k);
        return a * x / (1 + x);
    }

    @Override
    public double marginal(double spend) {
        if (spend <= 0) {
            return k < 1 ? Double.POSITIVE_INFINITY : a / h;
        }
        double x = Math.pow(spend / h, k);
        return a * k * x / (spend * (1 + x) * (1 + x));
    }
}
