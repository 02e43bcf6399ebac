package io.quanyu.ads.domain.report;

import io.quanyu.ads.domain.InvalidRequestException;

/**
 * One campaign or ad in the ROI report: its total cost and total effect (attributed revenue) in currency units.
 *
 * @param label the name shown on the chart (any text; it is escaped)
 */
public record RoiPoint(String label, double cost, double effect) {

    public RoiPoint {
        InvalidRequestException.require(label != null, "label is required");
        InvalidRequestException.require(Double.isFinite(cost) && cost >= 0, "cost must be finite and >= 0");
        InvalidRequestException.require(Double.isFinite(effect) && effect >= 0, "effect must be finite and >= 0");
    }
}
