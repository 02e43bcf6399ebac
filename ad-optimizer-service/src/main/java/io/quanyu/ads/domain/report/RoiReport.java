package io.quanyu.ads.domain.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The seeds' ROI report, the JSON behind {@code GET /v1/reports/roi}: ROI = Σ effect / Σ cost per item (a ROAS,
 * named "seeds' ROI" to tell it from profit-based ROI), and the seeds' rule "keep the items whose ROI is at least the
 * mean", the mean being the unweighted mean of the items' ROIs.
 *
 * @param rows       every item in input order
 * @param meanRoi    mean of the items' ROIs over items with cost > 0; null when there is none
 * @param overallRoi Σ effect / Σ cost over all items; null when the total cost is 0
 * @param kept       how many items the rule keeps
 */
public record RoiReport(List<Row> rows, Double meanRoi, Double overallRoi, int kept) {

    /**
     * @param roi  effect / cost; null when cost is 0 (the item can be neither kept nor dropped, and is not plotted)
     * @param keep roi >= meanRoi
     */
    public record Row(String label, double cost, double effect, Double roi, boolean keep) {
    }

    public RoiReport {
        rows = List.copyOf(rows);
    }

    public static RoiReport of(List<RoiPoint> points) {
        double sum = 0;
        int n = 0;
        double cost = 0;
        double effect = 0;
        for (RoiPoint p : points) {
            cost += p.cost();
            effect += p.effect();
            if (p.cost() > 0) {
                sum += p.effect() / p.cost();
                n++;
            }
        }
        Double mean = n == 0 ? null : sum / n;
        List<Row> rows = new ArrayList<>(points.size());
        int kept = 0;
        for (RoiPoint p : points) {
            Double roi = p.cost() > 0 ? p.effect() / p.cost() : null;
            boolean keep = roi != null && roi >= mean;
            kept += keep ? 1 : 0;
            rows.add(new Row(p.label(), p.cost(), p.effect(), roi, keep));
        }
        return new RoiReport(rows, mean, cost > 0 ? effect / cost : null, kept);
    }
}
