package io.quanyu.ads.domain.allocation;

import java.util.List;

/**
 * A way of splitting a period's budget across campaigns from their history; the service runs one per decision and the
 * simulator compares them. Implementations must return an allocation that satisfies the constraints.
 */
public interface AllocationPolicy {

    /** A short stable name, used in decisions and benchmark tables. */
    String name();

    /**
     * @param constraints the budget and per-campaign bounds; the result lists exactly these campaigns in this order
     * @param history     per-campaign results so far (any order; a campaign without history has no data yet)
     */
    Allocation allocate(BudgetConstraints constraints, List<CampaignHistory> history);
}
