package io.quanyu.ads.domain.allocation;

import java.util.List;
import java.util.Locale;

/**
 * The seeds' rule as a policy: each campaign's ROI is Σ revenue / Σ cost over its whole history (the seeds' "ROI =
 * Σ effect / Σ cost", a ROAS); campaigns whose ROI is at least the mean over the campaigns that have spent are kept and
 * share the budget equally, the others get their minimum. A campaign that has not spent yet has no ROI and is kept so
 * the rule can start.
 */
public final class RoiAboveMeanPolicy implements AllocationPolicy {

    @Override
    public String name() {
        return "roi>=mean";
    }

    @Override
    public Allocation allocate(BudgetConstraints constraints, List<CampaignHistory> history) {
        CampaignHistory[] h = CampaignHistory.align(constraints, history);
        int n = h.length;
        Double[] roi = new Double[n];
        double sum = 0;
        int known = 0;
        for (int i = 0; i < n; i++) {
            DailyStats t = h[i].total();
            if (t.spend() > 0) {
                roi[i] = t.revenue() / t.spend();
                sum += roi[i];
                known++;
            }
        }
        double mean = known == 0 ? Double.NaN : sum / known;
        double[] w = new double[n];
        String[] reasons = new String[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (roi[i] == null) {
                w[i] = 1;
                reasons[i] = "no spend yet: kept";
            } else if (roi[i] >= mean) {
                w[i] = 1;
                reasons[i] = String.format(Locale.ROOT, "ROI %.3f >= mean %.3f: kept", roi[i], mean);
            } else {
                reasons[i] = String.format(Locale.ROOT, "ROI %.3f < mean %.3f: minimum spend only", roi[i], mean);
            }
            kept += w[i] > 0 ? 1 : 0;
        }
        double[] s = Splits.proportional(constraints.mins(), constraints.maxs(), w, constraints.spendable());
        return Allocation.of(name(), constraints, s, reasons,
                String.format(Locale.ROOT, "%d of %d campaigns have ROI >= mean %.3f and share the budget equally",
                        kept, n, mean));
    }
}
