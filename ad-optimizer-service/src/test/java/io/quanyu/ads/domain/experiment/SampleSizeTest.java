package io.quanyu.ads.domain.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quanyu.ads.domain.InvalidRequestException;
import org.junit.jupiter.api.Test;

class SampleSizeTest {

    @Test
    void matchesTheClosedForm() {
        // (1.95996·√(2·0.11·0.89) + 0.84162·√(0.09 + 0.1056))² / 0.02² = 3840.85 → 3841.
        assertThat(SampleSize.perArm(0.10, 0.02, 0.05, 0.8)).isEqualTo(3841);
        assertThat(SampleSize.perArm(0.10, TestPlan.standard(0.02))).isEqualTo(3841);
    }

    @Test
    void smallerEffectsAndStricterPlansNeedMoreVisitors() {
        long base = SampleSize.perArm(0.05, 0.01, 0.05, 0.8);
        assertThat(SampleSize.perArm(0.05, 0.005, 0.05, 0.8)).isGreaterThan(3 * base);
        assertThat(SampleSize.perArm(0.05, 0.01, 0.01, 0.8)).isGreaterThan(base);
        assertThat(SampleSize.perArm(0.05, 0.01, 0.05, 0.9)).isGreaterThan(base);
    }

    @Test
    void effectBeyondOneIsTakenDownwardsAndBadInputsAreRejected() {
        assertThat(SampleSize.perArm(0.95, 0.1, 0.05, 0.8)).isEqualTo(SampleSize.perArm(0.85, 0.1, 0.05, 0.8));
        assertThatThrownBy(() -> SampleSize.perArm(0, 0.1, 0.05, 0.8)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> SampleSize.perArm(0.1, 0.1, 0.05, 1)).isInstanceOf(InvalidRequestException.class);
    }
}
