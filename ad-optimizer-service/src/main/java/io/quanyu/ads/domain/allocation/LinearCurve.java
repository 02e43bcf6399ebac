package io.quanyu.ads.domain.allocation;

/** revenue(s) = roas · s: no saturation within the bounds, as {@link ThompsonAllocator} assumes. */
public record LinearCurve(double roas) implements ResponseCurve {

    public LinearCurve {
        if (!(roas >= 0) || Double.isInfinite(roas)) {
            throw new IllegalArgumentException("roas must be finite and >= 0, got " + roas);
        }
    }

    @Override
    public double revenue(double spend) {
        return roas * spend;
    }

    @Override
    public double marginal(double spend) {
        return roas;
    }
}
