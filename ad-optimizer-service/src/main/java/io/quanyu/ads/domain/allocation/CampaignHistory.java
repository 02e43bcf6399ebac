package io.quanyu.ads.domain.allocation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A campaign's per-period results, oldest first: the input every {@link AllocationPolicy} learns from. */
public record CampaignHistory(String campaignId, List<DailyStats> days) {

    public CampaignHistory {
        days = List.copyOf(days);
    }

    /** The plain sum over every period. */
    public DailyStats total() {
        return discounted(1.0);
    }

    /**
     * Σ discount^age · day, age 0 for the newest day: with discount < 1 old evidence fades, so posteriors follow a
     * market that drifts (the effective memory is about 1 / (1 - discount) periods).
     */
    public DailyStats discounted(double discount) {
        if (!(discount > 0 && discount <= 1)) {
            throw new IllegalArgumentException("discount must be in (0, 1], got " + discount);
        }
        double s = 0;
        double c = 0;
        double v = 0;
        double r = 0;
        for (DailyStats d : days) {
            s = s * discount + d.spend();
            c = c * discount + d.clicks();
            v = v * discount + d.conversions();
            r = r * discount + d.revenue();
        }
        return new DailyStats(s, c, v, r);
    }

    /** The histories aligned with the constraints' campaigns; a campaign without one gets an empty history. */
    public static CampaignHistory[] align(BudgetConstraints constraints, List<CampaignHistory> history) {
        Map<String, CampaignHistory> byId = new HashMap<>();
        for (CampaignHistory h : history) {
            byId.put(h.campaignId(), h);
        }
        CampaignHistory[] out = new CampaignHistory[constraints.size()];
        for (int i = 0; i < out.length; i++) {
            String id = constraints.campaigns().get(i).campaignId();
            out[i] = byId.getOrDefault(id, new CampaignHistory(id, List.of()));
        }
        return out;
    }
}
