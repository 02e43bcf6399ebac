package io.quanyu.forecast.domain.inventory;

/**
 * Inputs of an inventory policy for one SKU × store, in units and weeks.
 *
 * @param serviceLevel        target cycle service level: probability a replenishment cycle has no stock-out
 * @param leadTimeWeeks       weeks from placing an order to its arrival (0 = arrives before the week's demand)
 * @param reviewPeriodWeeks   weeks between inventory reviews (1 = weekly)
 * @param orderingCost        fixed cost per order (0 = order exactly what is needed at each review)
 * @param holdingCostPerWeek  cost of holding one unit for one week
 * @param minOrder            smallest order quantity (a case, a supplier minimum)
 * @param maxOrder            largest order quantity (shelf or truck capacity); infinity for none
 * @param overstockWeeks      weeks of expected demand above the reorder point beyond which stock counts as excess
 */
public record PolicyParameters(double serviceLevel, int leadTimeWeeks, int reviewPeriodWeeks, double orderingCost,
                               double holdingCostPerWeek, double minOrder, double maxOrder, double overstockWeeks) {

    public PolicyParameters {
        if (!(serviceLevel > 0 && serviceLevel < 1)) {
            throw new IllegalArgumentException("service level must be in (0, 1)");
        }
        if (leadTimeWeeks < 0 || reviewPeriodWeeks < 1) {
            throw new IllegalArgumentException("lead time must be >= 0 and review period >= 1");
        }
        if (orderingCost < 0 || holdingCostPerWeek < 0 || minOrder < 0 || maxOrder < minOrder || overstockWeeks < 0) {
            throw new IllegalArgumentException("costs and limits must be non-negative, max >= min");
        }
    }

    /** 95 % cycle service, one-week lead time, weekly review, no fixed ordering cost, excess beyond 8 weeks. */
    public static PolicyParameters weekly() {
        return new PolicyParameters(0.95, 1, 1, 0, 0.01, 0, Double.POSITIVE_INFINITY, 8);
    }

    public PolicyParameters withServiceLevel(double level) {
        return new PolicyParameters(level, leadTimeWeeks, reviewPeriodWeeks, orderingCost, holdingCostPerWeek,
                minOrder, maxOrder, overstockWeeks);
    }

    public PolicyParameters withLeadTime(int weeks) {
        return new PolicyParameters(serviceLevel, weeks, reviewPeriodWeeks, orderingCost, holdingCostPerWeek,
                minOrder, maxOrder, overstockWeeks);
    }

    public PolicyParameters withCosts(double ordering, double holdingPerWeek) {
        return new PolicyParameters(serviceLevel, leadTimeWeeks, reviewPeriodWeeks, ordering, holdingPerWeek,
                minOrder, maxOrder, overstockWeeks);
    }

    public PolicyParameters withOrderLimits(double min, double max) {
        return new PolicyParameters(serviceLevel, leadTimeWeeks, reviewPeriodWeeks, orderingCost, holdingCostPerWeek,
                min, max, overstockWeeks);
    }

    /** Weeks one order must cover until the next order can arrive. */
    public int protectionWeeks() {
        return leadTimeWeeks + reviewPeriodWeeks;
    }
}
