package io.quanyu.ads.domain.experiment;

import java.util.List;

/**
 * Welch's t-test of the variant's mean revenue per visitor against the control's (unequal variances).
 *
 * @param difference mean(variant) − mean(control)
 * @param t          the t statistic (0 when undefined)
 * @param df         Welch–Satterthwaite degrees of freedom (0 when undefined)
 * @param pValue     two-sided p-value (1 when undefined)
 * @param ciLow      lower end of the (1 − α) confidence interval of the difference
 * @param ciHigh     upper end
 */
public record RevenueComparison(RevenueArm control, RevenueArm variant, double difference, double t, double df,
                                double pValue, double ciLow, double ciHigh, boolean significant,
                                List<String> warnings) {

    public RevenueComparison {
        warnings = List.copyOf(warnings);
    }
}
