package io.quanyu.ads.domain.experiment;

import java.util.List;

/**
 * A two-proportion z-test of variant against control.
 *
 * @param rateControl     control conversion rate, null without visitors
 * @param rateVariant     variant conversion rate, null without visitors
 * @param difference      rateVariant − rateControl (0 when a rate is missing)
 * @param z               the z statistic with the pooled standard error (0 when it is undefined)
 * @param pValue          two-sided p-value (1 when the test is undefined)
 * @param ciLow           lower end of the (1 − α) confidence interval of the difference (unpooled standard error)
 * @param ciHigh          upper end
 * @param significant     pValue < α
 * @param requiredPerArm  visitors per arm the plan needs at the control's rate (null when that rate is 0 or 1)
 * @param warnings        why the result may not be trustworthy (too few visitors, too few conversions)
 */
public record ConversionComparison(ConversionArm control, ConversionArm variant, Double rateControl,
                                   Double rateVariant, double difference, double z, double pValue, double ciLow,
                                   double ciHigh, boolean significant, Long requiredPerArm, List<String> warnings) {

    public ConversionComparison {
        warnings = List.copyOf(warnings);
    }
}
