package io.quanyu.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The holdout draw: the same group every time, the configured share of customers, independent across journeys. */
class HoldoutTest {

    @Test
    void aCustomerIsAlwaysInTheSameGroupOfAJourney() {
        for (int i = 0; i < 1000; i++) {
            String key = "u:c" + i;
            assertThat(Holdout.heldOut("j1", key, 0.1)).isEqualTo(Holdout.heldOut("j1", key, 0.1));
            assertThat(Holdout.draw("j1", key)).isBetween(0.0, 1.0).isLessThan(1.0);
        }
    }

    @Test
    void holdsOutTheConfiguredShareIndependentlyPerJourney() {
        int n = 100_000;
        int inA = 0;
        int inB = 0;
        int inBoth = 0;
        for (int i = 0; i < n; i++) {
            String key = "u:customer-" + i;
            boolean a = Holdout.heldOut("cart-web", key, 0.1);
            boolean b = Holdout.heldOut("cart-app", key, 0.1);
            inA += a ? 1 : 0;
            inB += b ? 1 : 0;
            inBoth += a && b ? 1 : 0;
        }
        // Binomial(100000, 0.1): standard deviation 95 customers; 4 of them either side.
        assertThat(inA).isBetween(9_620, 10_380);
        assertThat(inB).isBetween(9_620, 10_380);
        // Independent journeys: about 1 % in both (sd about 31).
        assertThat(inBoth).isBetween(880, 1_120);
    }

    @Test
    void shareZeroHoldsOutNobody() {
        for (int i = 0; i < 1000; i++) {
            assertThat(Holdout.heldOut("j", "a:" + i, 0.0)).isFalse();
        }
    }
}
