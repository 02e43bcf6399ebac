package io.quanyu.forecast.domain.model;

import io.quanyu.forecast.domain.History;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Estimates regression coefficients shared by a group of series (one SKU in every store) with a free level per
 * series: least squares on the data demeaned within each series. A single store has too few promotion weeks to pin
 * its own elasticities down; the group has plenty.
 */
public final class Pooling {

    private Pooling() {
    }

    /**
     * The pooled coefficients for the template's design, intercept slot 0; null when the group has too little data.
     * Histories whose feature count differs from the first one's are ignored.
     */
    public static double[] coefficients(Regression template, List<History> group) {
        if (group.isEmpty()) {
            return null;
        }
        int p = template.columns(group.get(0));
        List<double[]> rows = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (History h : group) {
            if (template.columns(h) != p || h.observedCount() < 2) {
                continue;
            }
            int start = rows.size();
            double meanY = 0;
            double[] meanX = new double[p];
            for (int t = 0; t < h.size(); t++) {
                if (!Double.isNaN(h.y(t))) {
                    double[] r = template.row(h, t);
                    rows.add(r);
                    double v = Math.log1p(h.y(t));
                    ys.add(v);
                    meanY += v;
                    for (int j = 0; j < p; j++) {
                        meanX[j] += r[j];
                    }
                }
            }
            int m = rows.size() - start;
            for (int i = start; i < rows.size(); i++) {
                double[] r = rows.get(i);
                for (int j = 0; j < p; j++) {
                    r[j] -= meanX[j] / m;
                }
                ys.set(i, ys.get(i) - meanY / m);
            }
        }
        if (rows.size() < 2 * p) {
            return null;
        }
        double[] pen = new double[p];
        Arrays.fill(pen, 1e-6);
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        double[] beta = LeastSquares.solve(rows.toArray(new double[0][]), y, pen, null);
        beta[0] = 0;
        return beta;
    }
}
