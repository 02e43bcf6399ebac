package io.quanyu.profile.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * RFM scores 1-5 by quintiles of the buying population (the convention of RFM analysis), refitted on a
 * schedule. Recency is days since the last purchase; customers who never bought score 1 on all three.
 */
public final class RfmScorer {

    private final double[] recencyEdges;
    private final double[] frequencyEdges;
    private final double[] monetaryEdges;

    private RfmScorer(double[] recency, double[] frequency, double[] monetary) {
        this.recencyEdges = recency;
        this.frequencyEdges = frequency;
        this.monetaryEdges = monetary;
    }

    /** Before any fit: every buyer scores 3, so scores exist but claim nothing. */
    public static RfmScorer neutral() {
        return new RfmScorer(new double[0], new double[0], new double[0]);
    }

    /** Quintile edges of the buyers among {@code portraits} as of {@code now}. */
    public static RfmScorer fit(List<Portrait> portraits, Instant now) {
        List<Portrait> buyers = portraits.stream().filter(p -> p.purchases > 0 && p.lastPurchaseAt != null).toList();
        if (buyers.size() < 5) {
            return neutral();
        }
        return new RfmScorer(edges(buyers.stream().mapToDouble(p -> days(p.lastPurchaseAt, now)).toArray()),
                edges(buyers.stream().mapToDouble(p -> p.purchases).toArray()),
                edges(buyers.stream().mapToDouble(p -> p.monetary.doubleValue()).toArray()));
    }

    public PortraitView.Rfm score(Portrait p, Instant now) {
        if (p.purchases == 0 || p.lastPurchaseAt == null) {
            return new PortraitView.Rfm(null, 0, BigDecimal.ZERO, 1, 1, 1, "prospect");
        }
        double recency = days(p.lastPurchaseAt, now);
        int r = 6 - rank(recencyEdges, recency);
        int f = rank(frequencyEdges, p.purchases);
        int m = rank(monetaryEdges, p.monetary.doubleValue());
        return new PortraitView.Rfm(Math.round(recency * 10) / 10.0, p.purchases, p.monetary, r, f, m, label(r, f));
    }

    static String label(int r, int f) {
        if (r >= 4 && f >= 4) {
            return "champion";
        }
        if (f >= 4) {
            return "loyal";
        }
        if (r >= 4) {
            return "promising";
        }
        if (r <= 2 && f >= 3) {
            return "at_risk";
        }
        return r <= 2 ? "hibernating" : "needs_attention";
    }

    /** 1..5: how many of the four edges the value passes (3 when unfitted). */
    private static int rank(double[] edges, double value) {
        if (edges.length == 0) {
            return 3;
        }
        int rank = 1;
        for (double edge : edges) {
            if (value > edge) {
                rank++;
            }
        }
        return rank;
    }

    private static double[] edges(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] edges = new double[4];
        for (int q = 1; q <= 4; q++) {
            edges[q - 1] = sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length / 5.0))];
        }
        return edges;
    }

    private static double days(Instant from, Instant now) {
        return Math.max(0, Duration.between(from, now).toSeconds() / 86_400.0);
    }
}
