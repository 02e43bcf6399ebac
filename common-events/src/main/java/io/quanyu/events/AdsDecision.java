package io.quanyu.events;

import io.quanyu.events.validation.Required;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A budget decision of the ad optimizer on {@code ads.decisions.v1} (key = decision id): how much each campaign may
 * spend per day and why. Money is in currency units of {@code currency} (the service's reporting currency).
 *
 * @param decisionId            unique per decision; {@code GET /v1/budget/decisions/{id}} returns it
 * @param policy                {@code thompson}, {@code optimizer}, {@code uniform} or {@code roi_above_mean}
 * @param totalBudget           the daily budget that was split
 * @param allocations           one entry per campaign considered, spends adding up to what was allocated
 * @param expectedReturn        the optimizer's expected revenue (or profit when it may underspend) of the split;
 *                              null for the other policies
 * @param currentExpectedReturn the same for the allocation in force before; null when not computed
 * @param model                 the attribution model the history was read under ({@code last_touch} or {@code linear})
 * @param decidedAt             when the decision was made
 */
public record AdsDecision(@Required String decisionId, @Required String policy, @Required BigDecimal totalBudget, String currency,
                          @Required List<CampaignSpend> allocations, Double expectedReturn, Double currentExpectedReturn, String model,
                          @Required Instant decidedAt) {

    /** One campaign's daily spend in a decision, with the reason the policy gave. */
    public record CampaignSpend(@Required String campaignId, @Required BigDecimal spend, String reason) {
    }

    public AdsDecision {
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
    }
}
