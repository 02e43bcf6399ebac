package io.quanyu.forecast.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds cross-series drivers to a group of series that compete for the same shoppers (the SKUs of one category in one
 * store): for every price feature the geometric mean of the other series' prices, for every promotion feature the
 * mean promotion intensity of the others, period by period. A retailer plans all of them, so they are as known in
 * advance as the series' own price.
 */
public final class CompetitorFeatures {

    /** Prefix of the derived feature names. */
    public static final String PREFIX = "competitor-";

    private CompetitorFeatures() {
    }

    /** The group's series with the derived features appended; a group of one is returned unchanged. */
    public static List<Series> add(List<Series> group) {
        if (group.size() < 2) {
            return List.copyOf(group);
        }
        List<Series> out = new ArrayList<>(group.size());
        for (Series s : group) {
            List<Feature> fs = new ArrayList<>(s.features());
            for (Feature f : s.features()) {
                if (f.kind() == FeatureKind.OTHER || f.name().startsWith(PREFIX)) {
                    continue;
                }
                fs.add(derive(s, f, group));
            }
            out.add(new Series(s.key(), s.firstPeriod(), s.demand(), fs));
        }
        return out;
    }

    private static Feature derive(Series self, Feature own, List<Series> group) {
        boolean price = own.kind() == FeatureKind.PRICE;
        int len = own.values().length;
        double[] v = new double[len];
        for (int t = 0; t < len; t++) {
            int period = self.firstPeriod() + t;
            double sum = 0;
            int c = 0;
            for (Series other : group) {
                if (other == self) {
                    continue;
                }
                Feature f = find(other, own.name());
                int u = period - other.firstPeriod();
                if (f == null || u < 0 || u >= f.values().length) {
                    continue;
                }
                double x = f.values()[u];
                if (price && x > 0) {
                    sum += Math.log(x);
                    c++;
                } else if (!price) {
                    sum += x;
                    c++;
                }
            }
            v[t] = c == 0 ? Double.NaN : price ? Math.exp(sum / c) : sum / c;
        }
        return new Feature(PREFIX + own.name(), own.kind(), v);
    }

    private static Feature find(Series s, String name) {
        for (Feature f : s.features()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
