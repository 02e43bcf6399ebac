package io.quanyu.ads.domain.allocation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A budget decision: spend per campaign (currency units, in the constraints' campaign order) with reasons.
 *
 * @param policy  the policy that made it
 * @param campaigns one entry per campaign of the constraints
 * @param summary why, in one sentence
 */
public record Allocation(String policy, List<CampaignAllocation> campaigns, String summary) {

    public Allocation {
        campaigns = List.copyOf(campaigns);
    }

    public double total() {
        return campaigns.stream().mapToDouble(CampaignAllocation::spend).sum();
    }

    /** Spend of a campaign, 0 when it is not in the allocation. */
    public double spendOf(String campaignId) {
        return campaigns.stream().filter(c -> c.campaignId().equals(campaignId)).mapToDouble(CampaignAllocation::spend)
                .findFirst().orElse(0);
    }

    /** Spends aligned with the campaign order. */
    public double[] spends() {
        return campaigns.stream().mapToDouble(CampaignAllocation::spend).toArray();
    }

    public Map<String, Double> asMap() {
        Map<String, Double> m = new HashMap<>();
        campaigns.forEach(c -> m.put(c.campaignId(), c.spend()));
        return m;
    }

    static Allocation of(String policy, BudgetConstraints constraints, double[] spend, String[] reasons,
                         String summary) {
        CampaignAllocation[] out = new CampaignAllocation[spend.length];
        for (int i = 0; i < spend.length; i++) {
            out[i] = new CampaignAllocation(constraints.campaigns().get(i).campaignId(), spend[i], reasons[i]);
        }
        return new Allocation(policy, List.of(out), summary);
    }
}
