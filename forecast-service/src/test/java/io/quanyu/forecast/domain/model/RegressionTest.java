package io.quanyu.forecast.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quanyu.forecast.domain.History;
import io.quanyu.forecast.domain.Series;
import io.quanyu.forecast.domain.SyntheticSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The demand regression and its pooling on promotion-driven synthetic series with known elasticities. */
class RegressionTest {

    @Test
    void plainRegressionRecoversElasticityAndLiftAndUsesThePlannedPromotions() {
        Series s = SyntheticSeries.promo("s", 3, 80, 4, 6, 2.5, 0.6, 0.0);
        Regression.Fit fit = Regression.plain().fit(s.history());
        // the only bias is the 1e-6 ridge that keeps a never-varying column solvable
        assertThat(fit.beta()[1]).isCloseTo(-2.5, within(1e-4));
        assertThat(fit.beta()[2]).isCloseTo(0.6, within(1e-4));
        double[] f = Regression.plain().forecast(s.history(), 4);
        for (int k = 0; k < 4; k++) {
            assertThat(f[k]).isCloseTo(SyntheticSeries.truth(s, 80 + k, 6, 2.5, 0.6), within(1e-4 * f[k]));
        }
    }

    @Test
    void plannedPricesFarOutsideTheFittedRangeAreReadAtItsMargin() {
        Series s = SyntheticSeries.promo("s", 5, 80, 0, 6, 2.5, 0.6, 0.0);
        double[] prices = java.util.Arrays.copyOf(s.features().get(0).values(), 80);
        double lowest = java.util.Arrays.stream(prices).min().orElseThrow();
        double highest = java.util.Arrays.stream(prices).max().orElseThrow();
        double[] far = {lowest / 100, highest * 100};
        // the margin is taken in the regression's own terms, log price
        double span = Math.log(highest / lowest);
        double[] edge = {lowest * Math.exp(-Regression.DRIVER_MARGIN * span),
            highest * Math.exp(Regression.DRIVER_MARGIN * span)};
        double[] none = new double[2];
        double[] atFar = Regression.plain().forecast(
                s.withFuturePlan(java.util.Map.of("price", far, "deal", none)).history(), 2);
        double[] atEdge = Regression.plain().forecast(
                s.withFuturePlan(java.util.Map.of("price", edge, "deal", none)).history(), 2);
        assertThat(atFar[0]).isCloseTo(atEdge[0], within(1e-6 * atEdge[0]));
        assertThat(atFar[1]).isCloseTo(atEdge[1], within(1e-6 * atEdge[1]));
        // the fitted elasticity is 2.5, so a hundredfold cut would have multiplied demand by 100^2.5
        assertThat(atFar[0]).isLessThan(Math.pow(Math.exp(span * (1 + Regression.DRIVER_MARGIN)), 2.6)
                * Regression.plain().forecast(s.withFuturePlan(java.util.Map.of("price", new double[] {highest, highest},
                "deal", none)).history(), 1)[0]);
        // inside the range the elasticity still acts: the lowest price sells more than the highest
        assertThat(atEdge[0]).isGreaterThan(2 * atEdge[1]);
    }

    @Test
    void missingWeeksAreLeftOutOfTheFit() {
        Series s = SyntheticSeries.promo("s", 4, 60, 2, 5, 2.0, 0.5, 0.0);
        double[] y = s.demand();
        for (int t = 5; t < 60; t += 7) {
            y[t] = Double.NaN;
        }
        Series gappy = new Series("g", 0, y, s.features());
        double[] f = Regression.plain().forecast(gappy.history(), 2);
        assertThat(f[0]).isCloseTo(SyntheticSeries.truth(s, 60, 5, 2.0, 0.5), within(1e-4 * f[0]));
    }

    @Test
    void localLevelFollowsAShiftThatThePlainRegressionAveragesAway() {
        Series s = SyntheticSeries.promo("s", 5, 100, 1, 5, 2.0, 0.5, 0.02);
        double[] y = s.demand().clone();
        for (int t = 70; t < 100; t++) {
            y[t] = Math.expm1(Math.log1p(y[t]) + 0.5); // the store's traffic rose by 65 %
        }
        Series shifted = new Series("s", 0, y, s.features());
        double truthAfter = Math.expm1(Math.log1p(SyntheticSeries.truth(s, 100, 5, 2.0, 0.5)) + 0.5);
        double local = Regression.local().forecast(shifted.history(), 1)[0];
        double plain = Regression.plain().forecast(shifted.history(), 1)[0];
        assertThat(Math.abs(local - truthAfter)).isLessThan(0.5 * Math.abs(plain - truthAfter));
    }

    @Test
    void arErrorsDecayTowardsTheRegressionLine() {
        Series s = SyntheticSeries.promo("s", 6, 80, 6, 5, 2.0, 0.5, 0.0);
        double[] y = s.demand().clone();
        Random r = new Random(2);
        double e = 0;
        for (int t = 0; t < y.length; t++) {
            e = 0.8 * e + 0.1 * r.nextGaussian();
            y[t] = Math.expm1(Math.log1p(y[t]) + e);
        }
        Regression.Fit fit = Regression.autoregressive().fit(new Series("s", 0, y, s.features()).history());
        assertThat(fit.persistence()).isBetween(0.6, 0.95);
    }

    @Test
    void poolingRecoversTheSharedElasticityDespiteDifferentStoreLevels() {
        List<History> group = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            group.add(SyntheticSeries.promo("s" + i, 10 + i, 60, 0, 4 + i * 0.5, 3.0, 0.4, 0.1).history());
        }
        double[] pooled = Pooling.coefficients(Regression.pooledTemplate(), group);
        assertThat(pooled[0]).isZero();
        assertThat(pooled[1]).isCloseTo(-3.0, within(0.15));
        assertThat(pooled[2]).isCloseTo(0.4, within(0.05));
    }

    @Test
    void shrinkageTowardsThePooledPriorHelpsAShortNoisySeries() {
        // ten weeks are too few to pin down an elasticity in noise; the prior from the group fixes that
        double worsePlain = 0;
        double worsePooled = 0;
        double[] prior = {0, -3.0, 0.4};
        for (int seed = 0; seed < 20; seed++) {
            Series s = SyntheticSeries.promo("s", 100 + seed, 10, 4, 5, 3.0, 0.4, 0.3);
            double[] plain = Regression.plain().forecast(s.history(), 4);
            double[] pooled = Regression.pooledTemplate().withPrior(prior).forecast(s.history(), 4);
            for (int k = 0; k < 4; k++) {
                double t = SyntheticSeries.truth(s, 10 + k, 5, 3.0, 0.4);
                worsePlain += Math.abs(plain[k] - t);
                worsePooled += Math.abs(pooled[k] - t);
            }
        }
        assertThat(worsePooled).isLessThan(worsePlain);
    }

    @Test
    void seasonalRegressionNeedsTwoSeasons() {
        Regression seasonal = Regression.seasonal(52);
        assertThat(seasonal.applicable(History.of(new double[80]))).isFalse();
        assertThat(seasonal.applicable(History.of(new double[110]))).isTrue();
        double[] y = new double[120];
        for (int t = 0; t < y.length; t++) {
            y[t] = Math.expm1(4 + 0.5 * Math.sin(2 * Math.PI * t / 52));
        }
        double[] f = seasonal.forecast(History.of(y), 52);
        // its small ridge shrinks the seasonal amplitude (0.5 in log units) by about a tenth; peak (t = 169) and
        // trough (t = 143) must stay within a fifth of the amplitude
        for (int k : new int[] {23, 49}) {
            double truth = 4 + 0.5 * Math.sin(2 * Math.PI * (120 + k) / 52);
            assertThat(Math.log1p(f[k])).isCloseTo(truth, within(0.1));
        }
        assertThat(f[49]).isGreaterThan(2 * f[23]);
    }
}
