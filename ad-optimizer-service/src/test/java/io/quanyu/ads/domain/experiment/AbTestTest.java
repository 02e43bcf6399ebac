package io.quanyu.ads.domain.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quanyu.ads.domain.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** Reference values computed with Python's statistics.NormalDist and SciPy 1.17 (ttest_ind, equal_var=False). */
class AbTestTest {

    @Test
    void twoProportionZTest() {
        ConversionComparison r = AbTest.compareConversions(new ConversionArm("A", 1000, 100),
                new ConversionArm("B", 1000, 130), TestPlan.standard(0.02));
        assertThat(r.rateControl()).isEqualTo(0.1);
        assertThat(r.rateVariant()).isEqualTo(0.13);
        assertThat(r.difference()).isCloseTo(0.03, within(1e-15));
        assertThat(r.z()).isCloseTo(2.102740605622114, within(1e-12));
        assertThat(r.pValue()).isCloseTo(0.03548845046647475, within(1e-12));
        assertThat(r.ciLow()).isCloseTo(0.0020679344393763725, within(1e-12));
        assertThat(r.ciHigh()).isCloseTo(0.05793206556062362, within(1e-12));
        assertThat(r.significant()).isTrue();
        // 1000 per arm is far below the 3841 needed for 2 points from 10%: flagged although "significant".
        assertThat(r.requiredPerArm()).isEqualTo(3841);
        assertThat(r.warnings()).singleElement().asString().contains("underpowered").contains("3841");
    }

    @Test
    void identicalArmsAreNotSignificantAndEnoughVisitorsGiveNoWarning() {
        ConversionComparison r = AbTest.compareConversions(new ConversionArm("A", 5000, 500),
                new ConversionArm("B", 5000, 500), TestPlan.standard(0.02));
        assertThat(r.z()).isZero();
        assertThat(r.pValue()).isCloseTo(1.0, within(1e-15));
        assertThat(r.significant()).isFalse();
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void degenerateInputsGiveDefinedAnswersWithWarnings() {
        ConversionComparison empty = AbTest.compareConversions(new ConversionArm("A", 0, 0),
                new ConversionArm("B", 10, 1), TestPlan.standard(0.01));
        assertThat(empty.pValue()).isEqualTo(1.0);
        assertThat(empty.rateControl()).isNull();
        assertThat(empty.warnings()).anyMatch(w -> w.contains("no visitors"));

        ConversionComparison none = AbTest.compareConversions(new ConversionArm("A", 100, 0),
                new ConversionArm("B", 100, 0), TestPlan.standard(0.01));
        assertThat(none.pValue()).isEqualTo(1.0);
        assertThat(none.requiredPerArm()).isNull();
        assertThat(none.warnings()).anyMatch(w -> w.contains("cannot be computed"))
                .anyMatch(w -> w.contains("normal approximation is poor"));

        assertThatThrownBy(() -> new ConversionArm("A", 5, 6)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> TestPlan.standard(0)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void welchTestOnRevenuePerVisitor() {
        RevenueComparison r = AbTest.compareRevenue(RevenueArm.of("A", 1, 2, 3, 4, 5),
                RevenueArm.of("B", 2, 4, 6, 8, 10), 0.05);
        assertThat(r.difference()).isCloseTo(3, within(1e-12));
        assertThat(r.t()).isCloseTo(1.8973665961010275, within(1e-12));
        assertThat(r.df()).isCloseTo(5.882352941176471, within(1e-12));
        assertThat(r.pValue()).isCloseTo(0.10753119493062728, within(1e-10));
        assertThat(r.ciLow()).isCloseTo(-0.887741643736975, within(1e-8));
        assertThat(r.ciHigh()).isCloseTo(6.887741643736975, within(1e-8));
        assertThat(r.significant()).isFalse();
    }

    @Test
    void welchDegenerateCases() {
        RevenueComparison flat = AbTest.compareRevenue(RevenueArm.of("A", 2, 2, 2), RevenueArm.of("B", 3, 3, 3), 0.05);
        assertThat(flat.pValue()).isEqualTo(1.0);
        assertThat(flat.warnings()).singleElement().asString().contains("does not vary");
        RevenueComparison tiny = AbTest.compareRevenue(RevenueArm.of("A", 2), RevenueArm.of("B", 3, 4), 0.05);
        assertThat(tiny.warnings()).singleElement().asString().contains("at least 2");
        assertThat(RevenueArm.of("A", 1, 2, 3, 4, 5).variance()).isCloseTo(2.5, within(1e-12));
    }
}
