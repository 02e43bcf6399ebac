package io.quanyu.forecast.domain;

import java.util.List;
import java.util.Random;

/** Promotion-driven synthetic demand with known parameters, shared by the tests. */
public final class SyntheticSeries {

    private SyntheticSeries() {
    }

    /**
     * log(1 + units) = level - elasticity·log(price) + lift·deal + noise; deals on about a quarter of the weeks cut
     * the price by a fifth. Features run {@code future} weeks past the history: the promotion plan.
     */
    public static Series promo(String key, long seed, int weeks, int future, double level, double elasticity,
                               double lift, double noise) {
        Random r = new Random(seed);
        double[] price = new double[weeks + future];
        double[] deal = new double[weeks + future];
        for (int t = 0; t < price.length; t++) {
            deal[t] = r.nextDouble() < 0.25 ? 1 : 0;
            price[t] = (deal[t] == 1 ? 1.6 : 2.0) * (1 + 0.05 * r.nextGaussian());
        }
        double[] y = new double[weeks];
        for (int t = 0; t < weeks; t++) {
            y[t] = Math.expm1(level - elasticity * Math.log(price[t]) + lift * deal[t] + noise * r.nextGaussian());
        }
        return new Series(key, 0, y, List.of(Feature.price("price", price), Feature.promotion("deal", deal)));
    }

    /** The noise-free demand of week t. */
    public static double truth(Series s, int t, double level, double elasticity, double lift) {
        return Math.expm1(level - elasticity * Math.log(s.features().get(0).at(t)) + lift * s.features().get(1).at(t));
    }
}
