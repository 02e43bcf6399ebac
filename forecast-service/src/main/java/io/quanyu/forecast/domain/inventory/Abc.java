package io.quanyu.forecast.domain.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * ABC classification by revenue (Pareto): items sorted by revenue, an item is A while the revenue of the items
 * before it is under the A share of the total (80 % by default), B under the B share (95 %), C otherwise.
 */
public final class Abc {

    private Abc() {
    }

    /** With the usual 80 % / 95 % cut-offs. */
    public static List<AbcItem> classify(Map<String, Double> revenueByKey) {
        return classify(revenueByKey, 0.8, 0.95);
    }

    /** Items in decreasing revenue (ties by key); negative or missing revenue counts as zero, and zero is always C. */
    public static List<AbcItem> classify(Map<String, Double> revenueByKey, double aShare, double bShare) {
        if (!(aShare > 0 && aShare <= bShare && bShare <= 1)) {
            throw new IllegalArgumentException("need 0 < A share <= B share <= 1");
        }
        List<Map.Entry<String, Double>> items = new ArrayList<>(revenueByKey.entrySet());
        items.sort(Comparator.<Map.Entry<String, Double>>comparingDouble(e -> -clean(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        double total = items.stream().mapToDouble(e -> clean(e.getValue())).sum();
        List<AbcItem> out = new ArrayList<>();
        double before = 0;
        for (Map.Entry<String, Double> e : items) {
            double r = clean(e.getValue());
            double share = total > 0 ? r / total : 0;
            double prior = total > 0 ? before / total : 1;
            AbcClass c = r <= 0 ? AbcClass.C : prior < aShare ? AbcClass.A : prior < bShare ? AbcClass.B : AbcClass.C;
            before += r;
            out.add(new AbcItem(e.getKey(), r, share, total > 0 ? before / total : 0, c));
        }
        return out;
    }

    private static double clean(Double v) {
        return v == null || !(v > 0) || v.isInfinite() ? 0 : v;
    }
}
