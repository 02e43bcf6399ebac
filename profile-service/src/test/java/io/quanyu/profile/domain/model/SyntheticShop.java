package io.quanyu.profile.domain.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Synthetic histories for pure-logic tests: "buyers" who purchase every few days and "browsers" who only look. */
final class SyntheticShop {

    private SyntheticShop() {
    }

    /** {@code n} customers over {@code days} days, every other one a buyer; browsers view and never buy. */
    static List<CustomerHistory> histories(int n, int days, long seed) {
        Random rnd = new Random(seed);
        List<CustomerHistory> out = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            boolean buyer = c % 2 == 0;
            List<Activity> acts = new ArrayList<>();
            // Buyers act about every 3 days and buy half the time; browsers act about every 6 days, views only.
            double meanGap = buyer ? 3 : 6;
            double t = rnd.nextDouble() * 10;
            while (t < days) {
                String category = "cat" + rnd.nextInt(5);
                acts.add(new Activity(FeaturesTest.day(t), Activity.PRODUCT_VIEW, null, category));
                if (buyer && rnd.nextBoolean()) {
                    acts.add(new Activity(FeaturesTest.day(t + 0.01), Activity.PURCHASE,
                            BigDecimal.valueOf(10 + rnd.nextInt(40)), category));
                }
                t += -Math.log(1 - rnd.nextDouble()) * meanGap;
            }
            out.add(new CustomerHistory("c" + c, acts));
        }
        return out;
    }
}
