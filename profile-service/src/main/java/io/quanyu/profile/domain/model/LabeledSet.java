package io.quanyu.profile.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Features as of a cutoff paired with the label observed in (cutoff, cutoff + horizon], for one target. */
public record LabeledSet(Target target, Instant cutoff, Duration horizon, List<String> ids, double[][] x, int[] y) {

    /** Builds the set over the customers {@code target} scores at {@code cutoff}, in the order of {@code histories}. */
    public static LabeledSet build(List<CustomerHistory> histories, Target target, Instant cutoff, Duration horizon) {
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("horizon must be positive: " + horizon);
        }
        List<String> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (CustomerHistory h : histories) {
            double[] f = Features.at(h, cutoff);
            if (f == null || !target.scores(f, horizon)) {
                continue;
            }
            ids.add(h.customerId());
            rows.add(f);
            labels.add(target.label(h, cutoff, horizon));
        }
        return new LabeledSet(target, cutoff, horizon, List.copyOf(ids), rows.toArray(double[][]::new),
                labels.stream().mapToInt(Integer::intValue).toArray());
    }

    public int size() {
        return y.length;
    }

    public int positives() {
        int p = 0;
        for (int v : y) {
            p += v;
        }
        return p;
    }

    public double positiveRate() {
        return y.length == 0 ? Double.NaN : (double) positives() / y.length;
    }
}
