package io.quanyu.profile.domain.model;

import java.time.Duration;
import java.time.Instant;

/** What a binary model predicts: who is scored at a cutoff and what counts as a positive in the window after it. */
public enum Target {

    /** At least one purchase in (cutoff, cutoff + horizon]; every customer seen by the cutoff is scored. */
    PURCHASE_PROPENSITY,

    /**
     * No activity at all in (cutoff, cutoff + horizon]; only customers active within the horizon before the cutoff
     * are scored, because "churn" means a current customer going silent, and long-gone customers would make the
     * task trivially "everyone silent keeps being silent".
     */
    CHURN_RISK;

    /** Whether a customer with these features (as of the cutoff) belongs to the population scored for this target. */
    public boolean scores(double[] features, Duration horizon) {
        return switch (this) {
            case PURCHASE_PROPENSITY -> true;
            case CHURN_RISK -> features[Features.DAYS_SINCE_LAST_ACTIVITY] * 86_400 <= horizon.toSeconds();
        };
    }

    /** The label of one customer for the window (cutoff, cutoff + horizon]: 1 for a positive. */
    public int label(CustomerHistory h, Instant cutoff, Duration horizon) {
        Instant end = cutoff.plus(horizon);
        boolean activity = false;
        boolean purchase = false;
        for (Activity a : h.activities()) {
            if (a.time().isAfter(end)) {
                break;
            }
            if (a.time().isAfter(cutoff)) {
                activity = true;
                purchase |= a.isPurchase();
            }
        }
        return switch (this) {
            case PURCHASE_PROPENSITY -> purchase ? 1 : 0;
            case CHURN_RISK -> activity ? 0 : 1;
        };
    }

    /** Lower case name for reports, e.g. {@code purchase_propensity}. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
