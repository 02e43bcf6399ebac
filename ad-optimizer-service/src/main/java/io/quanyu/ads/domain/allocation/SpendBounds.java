package io.quanyu.ads.domain.allocation;

import io.quanyu.ads.domain.InvalidRequestException;

/**
 * The spend range the allocator may give one campaign for the period, in currency units.
 *
 * @param min at least this (0 allows switching the campaign off)
 * @param max at most this; {@code Double.POSITIVE_INFINITY} is not allowed, use the total budget
 */
public record SpendBounds(String campaignId, double min, double max) {

    public SpendBounds {
        InvalidRequestException.require(campaignId != null && !campaignId.isBlank(), "campaignId is required");
        if (!Double.isFinite(min) || !Double.isFinite(max) || min < 0 || max < min) {
            throw new InfeasibleBudgetException("campaign " + campaignId + " needs 0 <= min <= max (finite), got min "
                    + min + ", max " + max);
        }
    }
}
