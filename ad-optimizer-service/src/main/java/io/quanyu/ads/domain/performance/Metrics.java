package io.quanyu.ads.domain.performance;

import io.quanyu.ads.domain.Micros;

/**
 * Ratios of a set of {@link Counters}. A ratio whose denominator is zero is {@code null} (never NaN or infinite), so
 * JSON shows "no data" rather than a misleading 0. Money ratios are in currency units.
 *
 * @param ctr  click-through rate: clicks / impressions
 * @param cvr  conversion rate: conversions / clicks
 * @param cpc  cost per click: cost / clicks
 * @param cpa  cost per acquisition: cost / conversions
 * @param roi  return on investment, profit over cost: (revenue - cost) / cost; 0 is break-even
 * @param roas return on ad spend: revenue / cost; 1 is break-even. The seeds' "ROI = Σ effect / Σ cost" is this
 *             ratio when the effect is attributed revenue; reports that follow the seeds' rule use it under the name
 *             "seeds' ROI"
 */
public record Metrics(Double ctr, Double cvr, Double cpc, Double cpa, Double roi, Double roas) {

    static Metrics of(Counters c) {
        double cost = Micros.toUnits(c.costMicros());
        double revenue = Micros.toUnits(c.revenueMicros());
        return new Metrics(
                ratio(c.clicks(), c.impressions()),
                ratio(c.conversions(), c.clicks()),
                ratio(cost, c.clicks()),
                ratio(cost, c.conversions()),
                c.costMicros() == 0 ? null : (revenue - cost) / cost,
                ratio(revenue, cost));
    }

    private static Double ratio(double numerator, double denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }
}
