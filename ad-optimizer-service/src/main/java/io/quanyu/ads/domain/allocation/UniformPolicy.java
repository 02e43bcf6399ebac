package io.quanyu.ads.domain.allocation;

import java.util.Arrays;
import java.util.List;

/** The baseline that ignores results: an equal split of the budget, clipped to each campaign's bounds. */
public final class UniformPolicy implements AllocationPolicy {

    @Override
    public String name() {
        return "uniform";
    }

    @Override
    public Allocation allocate(BudgetConstraints constraints, List<CampaignHistory> history) {
        int n = constraints.size();
        double[] w = new double[n];
        Arrays.fill(w, 1);
        double[] s = Splits.proportional(constraints.mins(), constraints.maxs(), w, constraints.spendable());
        String[] reasons = new String[n];
        Arrays.fill(reasons, "equal split of the budget, clipped to the campaign's bounds");
        return Allocation.of(name(), constraints, s, reasons, "uniform allocation over " + n + " campaigns");
    }
}
