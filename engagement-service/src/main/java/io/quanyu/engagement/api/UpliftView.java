package io.quanyu.engagement.api;

import io.quanyu.engagement.domain.Uplift;
import io.quanyu.engagement.store.UpliftStore;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A journey's or an offer's uplift: both groups, the conversion-rate difference with its 95 % intervals, the redemptions
 * of its codes and the delivery, open and click feedback on its actions.
 */
public record UpliftView(String journeyId, String offerId, String attributionWindow, GroupView treated, GroupView holdout,
                         Double conversionRateDifference, Uplift.Interval ci95, Uplift.Interval ci95Wald, String method, long redemptions,
                         BigDecimal redeemedDiscount, UpliftStore.Feedback feedback) {

    /** One group. */
    public record GroupView(long entries, long customers, long conversions, Double conversionRate, BigDecimal revenue, BigDecimal revenuePerEntry) {

        static GroupView of(UpliftStore.Group g, Double rate) {
            BigDecimal per = g.entries() == 0 ? null : g.revenue().divide(BigDecimal.valueOf(g.entries()), 2, RoundingMode.HALF_UP);
            return new GroupView(g.entries(), g.customers(), g.conversions(), rate, g.revenue(), per);
        }
    }

    static UpliftView of(String journeyId, String offerId, String window, UpliftStore.Counts c) {
        Uplift u = Uplift.of(c.treated().entries(), c.treated().conversions(), c.holdout().entries(), c.holdout().conversions());
        return new UpliftView(journeyId, offerId, window, GroupView.of(c.treated(), u.treatedRate()), GroupView.of(c.holdout(), u.holdoutRate()),
                u.difference(), u.newcombe(), u.wald(), "newcombe_hybrid_score", c.redemptions(), c.discount(), c.feedback());
    }
}
