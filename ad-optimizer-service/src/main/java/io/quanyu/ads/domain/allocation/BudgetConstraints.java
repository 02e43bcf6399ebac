package io.quanyu.ads.domain.allocation;

import io.quanyu.ads.domain.InvalidRequestException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every allocation must respect: a total budget for the period (in currency units) and each campaign's
 * {@link SpendBounds}. Under {@link #exact} the whole total is spent; under {@link #atMost} the allocation may spend
 * less (the optimizer then stops where another unit of spend returns less than a unit of revenue). Construction checks
 * feasibility and throws {@link InfeasibleBudgetException} otherwise.
 */
public record BudgetConstraints(double total, List<SpendBounds> campaigns, boolean mayUnderspend) {

    /** Relative tolerance of the sum checks: allocations are doubles, their sums carry rounding. */
    public static final double TOLERANCE = 1e-9;

    public BudgetConstraints {
        campaigns = List.copyOf(campaigns);
        InvalidRequestException.require(!campaigns.isEmpty(), "at least one campaign is required");
        if (!Double.isFinite(total) || total < 0) {
            throw new InfeasibleBudgetException("total budget must be a finite non-negative amount, got " + total);
        }
        Set<String> ids = new HashSet<>();
        double sumMin = 0;
        double sumMax = 0;
        for (SpendBounds b : campaigns) {
            InvalidRequestException.require(ids.add(b.campaignId()), "campaign " + b.campaignId() + " is listed twice");
            sumMin += b.min();
            sumMax += b.max();
        }
        double slack = TOLERANCE * Math.max(1, total);
        if (sumMin > total + slack) {
            throw new InfeasibleBudgetException("the campaigns' minimum spends add up to " + sumMin
                    + ", more than the total budget " + total);
        }
        if (!mayUnderspend && sumMax < total - slack) {
            throw new InfeasibleBudgetException("the campaigns' maximum spends add up to " + sumMax
                    + ", less than the total budget " + total + " that must be spent");
        }
    }

    /** The whole total must be spent. */
    public static BudgetConstraints exact(double total, List<SpendBounds> campaigns) {
        return new BudgetConstraints(total, campaigns, false);
    }

    /** Up to the total may be spent. */
    public static BudgetConstraints atMost(double total, List<SpendBounds> campaigns) {
        return new BudgetConstraints(total, campaigns, true);
    }

    /**
     * Every campaign between {@code minShare} and {@code maxShare} of the total (shares in [0, 1]), whole total spent.
     */
    public static BudgetConstraints shares(double total, List<String> campaignIds, double minShare, double maxShare) {
        return exact(total, campaignIds.stream().map(id -> new SpendBounds(id, minShare * total, maxShare * total))
                .toList());
    }

    /**
     * A trust region for one decision: every campaign's bounds narrowed to current · (1 ± maxChange), so a wrong
     * response curve cannot move much money at once (campaigns absent from {@code current} keep their bounds).
     *
     * @throws InfeasibleBudgetException when the narrowed bounds cannot hold the total (e.g. the current allocation
     *                                   did not spend it)
     */
    public BudgetConstraints narrowedAround(Map<String, Double> current, double maxChange) {
        InvalidRequestException.require(maxChange >= 0, "maxChange must be >= 0");
        List<SpendBounds> narrowed = campaigns.stream().map(b -> {
            Double cur = current.get(b.campaignId());
            if (cur == null) {
                return b;
            }
            double lo = Math.max(b.min(), cur * (1 - maxChange));
            double hi = Math.min(b.max(), cur * (1 + maxChange));
            // A current spend outside the bounds would give lo > hi; fall back to the bound it broke.
            return lo <= hi ? new SpendBounds(b.campaignId(), lo, hi)
                    : new SpendBounds(b.campaignId(), Math.min(lo, b.max()), Math.min(lo, b.max()));
        }).toList();
        return new BudgetConstraints(total, narrowed, mayUnderspend);
    }

    public int size() {
        return campaigns.size();
    }

    /** What baseline policies spend: the total, or under {@link #atMost} as much of it as the maximums allow. */
    public double spendable() {
        return mayUnderspend ? Math.min(total, sumMax()) : total;
    }

    public double sumMin() {
        return campaigns.stream().mapToDouble(SpendBounds::min).sum();
    }

    public double sumMax() {
        return campaigns.stream().mapToDouble(SpendBounds::max).sum();
    }

    double[] mins() {
        return campaigns.stream().mapToDouble(SpendBounds::min).toArray();
    }

    double[] maxs() {
        return campaigns.stream().mapToDouble(SpendBounds::max).toArray();
    }

    /** Why the spends (aligned with {@link #campaigns()}) violate the constraints, or null when they satisfy them. */
    public String violation(double[] spend) {
        if (spend.length != campaigns.size()) {
            return "expected " + campaigns.size() + " spends, got " + spend.length;
        }
        double slack = TOLERANCE * Math.max(1, total);
        double sum = 0;
        for (int i = 0; i < spend.length; i++) {
            SpendBounds b = campaigns.get(i);
            if (!Double.isFinite(spend[i]) || spend[i] < b.min() - slack || spend[i] > b.max() + slack) {
                return "campaign " + b.campaignId() + " spend " + spend[i] + " is outside [" + b.min() + ", "
                        + b.max() + "]";
            }
            sum += spend[i];
        }
        if (sum > total + slack || (!mayUnderspend && sum < total - slack)) {
            return "spends add up to " + sum + (mayUnderspend ? ", more than the total " : " instead of the total ")
                    + total;
        }
        return null;
    }
}
