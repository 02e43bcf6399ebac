package io.quanyu.ads.domain.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CountersTest {

    @Test
    void ratiosFollowTheStatedDefinitions() {
        // 1000 impressions, 50 clicks, cost 25.00, 2.5 conversions, revenue 100.00
        Metrics m = new Counters(1000, 50, 25_000_000L, 2.5, 100_000_000L).metrics();
        assertThat(m.ctr()).isCloseTo(0.05, within(1e-12));
        assertThat(m.cvr()).isCloseTo(0.05, within(1e-12));
        assertThat(m.cpc()).isCloseTo(0.5, within(1e-12));
        assertThat(m.cpa()).isCloseTo(10.0, within(1e-12));
        assertThat(m.roi()).as("(revenue - cost) / cost").isCloseTo(3.0, within(1e-12));
        assertThat(m.roas()).as("revenue / cost").isCloseTo(4.0, within(1e-12));
    }

    @Test
    void zeroDenominatorsGiveNullNotNaN() {
        Metrics none = Counters.ZERO.metrics();
        assertThat(none).isEqualTo(new Metrics(null, null, null, null, null, null));

        // Revenue without cost (organic credit): ROI and ROAS undefined, CPA is a real 0.
        Metrics free = new Counters(10, 0, 0, 1, 5_000_000L).metrics();
        assertThat(free.ctr()).isZero();
        assertThat(free.cvr()).isNull();
        assertThat(free.roi()).isNull();
        assertThat(free.roas()).isNull();
        assertThat(free.cpa()).isZero();

        // Cost without revenue: ROI is -1 (lost everything), ROAS 0.
        Metrics loss = new Counters(0, 4, 2_000_000L, 0, 0).metrics();
        assertThat(loss.roi()).isEqualTo(-1.0);
        assertThat(loss.roas()).isZero();
        assertThat(loss.cpa()).isNull();
        assertThat(loss.ctr()).isNull();
    }

    @Test
    void addsUpAndRejectsNegatives() {
        Counters sum = new Counters(1, 2, 3, 0.5, 5).plus(new Counters(10, 20, 30, 0.25, 50));
        assertThat(sum).isEqualTo(new Counters(11, 22, 33, 0.75, 55));
        assertThatThrownBy(() -> new Counters(-1, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Counters(0, 0, 0, Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
