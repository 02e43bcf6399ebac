package io.quanyu.ads.api;

import io.quanyu.ads.domain.allocation.BudgetConstraints;
import io.quanyu.ads.domain.allocation.BudgetOptimizer;
import io.quanyu.ads.domain.allocation.CampaignHistory;
import io.quanyu.ads.domain.allocation.CurveFit;
import io.quanyu.ads.domain.allocation.DailyStats;
import io.quanyu.ads.domain.allocation.InfeasibleBudgetException;
import io.quanyu.ads.domain.allocation.OptimizationResult;
import io.quanyu.ads.domain.allocation.ResponseCurve;
import io.quanyu.ads.domain.allocation.ResponseCurveFitter;
import io.quanyu.ads.domain.allocation.SpendBounds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The optimizer policy on stored data: fitted response curves, a trust region around current spends, thin-data campaigns kept at their current spend. */
final class OptimizerRun {

    /** Spend per campaign (in the bounds' order) with reasons, the optimizer's figures, and warnings. */
    record Outcome(double[] spend, String[] reasons, OptimizationResult result, String summary, List<String> warnings) {
    }

    /** Settings of one run. */
    record Settings(double maxChange, int minFitDays, boolean mayUnderspend) {
    }

    private OptimizerRun() {
    }

    /**
     * @param bounds  the registry's bounds per campaign (paused ones at [0, 0])
     * @param fit     each campaign's days of the fit window, oldest first (dense: days without data are empty)
     * @param current each campaign's current daily spend
     */
    static Outcome run(double total, List<SpendBounds> bounds, Map<String, CampaignHistory> fit, Map<String, Double> current, Settings s) {
        int n = bounds.size();
        double[] spend = new double[n];
        String[] reasons = new String[n];
        List<String> warnings = new ArrayList<>();
        List<SpendBounds> optimized = new ArrayList<>();
        Map<String, ResponseCurve> curves = new LinkedHashMap<>();
        Map<String, Double> currentOptimized = new LinkedHashMap<>();
        double kept = 0;
        for (int i = 0; i < n; i++) {
            SpendBounds b = bounds.get(i);
            double cur = current.getOrDefault(b.campaignId(), 0.0);
            List<DailyStats> days = fit.get(b.campaignId()).days();
            long withSpend = days.stream().filter(d -> d.spend() > 0).count();
            if (b.max() == 0) {
                reasons[i] = "paused or capped at 0: no spend";
            } else if (withSpend < s.minFitDays()) {
                spend[i] = Math.max(b.min(), Math.min(b.max(), cur));
                kept += spend[i];
                reasons[i] = String.format(Locale.ROOT, "too little data (%d days with spend, %d needed): current spend %.2f kept", withSpend,
                        s.minFitDays(), spend[i]);
                warnings.add(String.format(Locale.ROOT, "campaign %s has spend on only %d of the last %d days (%d needed to fit a response curve): "
                        + "its current spend %.2f is kept", b.campaignId(), withSpend, days.size(), s.minFitDays(), spend[i]));
            } else {
                CurveFit f = ResponseCurveFitter.fit(days);
                curves.put(b.campaignId(), f.curve());
                optimized.add(b);
                currentOptimized.put(b.campaignId(), cur);
                if (!f.identified()) {
                    warnings.add("campaign " + b.campaignId() + ": its daily spend hardly varied, so the saturation of its response curve is assumed, not measured");
                }
            }
        }
        double remaining = total - kept;
        if (remaining < -BudgetConstraints.TOLERANCE * Math.max(1, total)) {
            throw new InfeasibleBudgetException(String.format(Locale.ROOT, "campaigns kept at their current spend for lack of data need %.2f, "
                    + "more than the total budget %.2f", kept, total));
        }
        remaining = Math.max(0, remaining);
        if (optimized.isEmpty()) {
            if (!s.mayUnderspend() && remaining > 0.005) {
                warnings.add(String.format(Locale.ROOT, "%.2f of the budget is not allocated: no campaign has enough data for the optimizer", remaining));
            }
            return new Outcome(spend, reasons, null, "no campaign has enough data to fit a response curve: current spends kept", warnings);
        }
        BudgetConstraints base = s.mayUnderspend() ? BudgetConstraints.atMost(remaining, optimized) : BudgetConstraints.exact(remaining, optimized);
        BudgetConstraints narrowed;
        try {
            narrowed = base.narrowedAround(currentOptimized, s.maxChange());
        } catch (InfeasibleBudgetException e) {
            throw new InfeasibleBudgetException(e.getMessage() + String.format(Locale.ROOT, " once each campaign is held within ±%.0f%% of its current "
                    + "spend %s; raise max_change or change total_budget", 100 * s.maxChange(), currentOptimized));
        }
        OptimizationResult result = BudgetOptimizer.optimize(narrowed, curves, currentOptimized);
        if (result.currentViolation() != null) {
            warnings.add("the current spends do not fit this budget and its bounds (" + result.currentViolation()
                    + "), so expected_lift compares with an allocation that was not possible");
        }
        for (int i = 0, j = 0; i < n; i++) {
            if (j < optimized.size() && bounds.get(i).campaignId().equals(optimized.get(j).campaignId())) {
                spend[i] = result.allocation().campaigns().get(j).spend();
                reasons[i] = result.allocation().campaigns().get(j).reason();
                j++;
            }
        }
        return new Outcome(spend, reasons, result, result.allocation().summary(), warnings);
    }
}
