package io.quanyu.ads.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoiReportTest {

    @Test
    void seedsRuleKeepsItemsAtOrAboveTheMeanRoi() {
        RoiReport r = RoiReport.of(List.of(new RoiPoint("A", 100, 300), new RoiPoint("B", 100, 100),
                new RoiPoint("C", 50, 100), new RoiPoint("D", 0, 50)));
        // ROIs 3, 1, 2 → mean 2; C sits exactly on the mean and is kept; D has no cost and no ROI.
        assertThat(r.meanRoi()).isCloseTo(2.0, within(1e-12));
        assertThat(r.overallRoi()).isCloseTo(550.0 / 250, within(1e-12));
        assertThat(r.rows()).extracting(RoiReport.Row::keep).containsExactly(true, false, true, false);
        assertThat(r.rows().get(3).roi()).isNull();
        assertThat(r.kept()).isEqualTo(2);
    }

    @Test
    void emptyAndCostlessReportsHaveNoMean() {
        assertThat(RoiReport.of(List.of()).meanRoi()).isNull();
        RoiReport r = RoiReport.of(List.of(new RoiPoint("free", 0, 10)));
        assertThat(r.meanRoi()).isNull();
        assertThat(r.overallRoi()).isNull();
        assertThat(r.kept()).isZero();
    }
}
