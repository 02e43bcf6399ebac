package io.quanyu.forecast.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Series construction, gaps, origins and planned futures; competitor features. */
class SeriesTest {

    @Test
    void observationsWithAGapBecomeAMissingWeekNotAZero() {
        TreeMap<Integer, Double> demand = new TreeMap<>(Map.of(40, 10.0, 41, 12.0, 44, 9.0));
        TreeMap<Integer, double[]> feats = new TreeMap<>(Map.of(40, new double[] {2.0, 1}, 41,
                new double[] {2.2, 0}, 44, new double[] {1.9, 1}));
        Series s = Series.fromObservations("1/5", demand, List.of("price", "deal"),
                List.of(FeatureKind.PRICE, FeatureKind.PROMOTION), feats);
        assertThat(s.firstPeriod()).isEqualTo(40);
        assertThat(s.length()).isEqualTo(5);
        assertThat(s.demand()[2]).isNaN();
        assertThat(s.observedCount()).isEqualTo(3);
        // a missing week keeps the last price and assumes no promotion
        assertThat(s.features().get(0).values()).containsExactly(2.0, 2.2, 2.2, 2.2, 1.9);
        assertThat(s.features().get(1).values()).containsExactly(1, 0, 0, 0, 1);
    }

    @Test
    void featuresExtendPastTheHistoryByPlanOrByDefault() {
        Feature price = Feature.price("p", 2, 3);
        Feature deal = Feature.promotion("d", 1, 1);
        assertThat(price.at(5)).isEqualTo(3);
        assertThat(deal.at(5)).isZero();
        Series s = new Series("k", 0, new double[] {1, 2}, List.of(price, deal))
                .withFuturePlan(Map.of("d", new double[] {1, 0, 1}));
        assertThat(s.features().get(1).values()).containsExactly(1, 1, 1, 0, 1);
        assertThat(s.features().get(0).values()).containsExactly(2, 3);
    }

    @Test
    void upToCutsDemandButKeepsTheKnownFuture() {
        Series s = new Series("k", 10, new double[] {1, 2, 3, 4}, List.of(Feature.price("p", 1, 2, 3, 4, 5)));
        Series cut = s.upTo(2);
        assertThat(cut.demand()).containsExactly(1, 2);
        assertThat(cut.features().get(0).at(3)).isEqualTo(4);
        assertThat(cut.history().size()).isEqualTo(2);
        assertThat(s.history(2).lastObserved()).isEqualTo(2);
    }

    @Test
    void historyHelpers() {
        History h = Series.of("k", 4, Double.NaN, 8, 0, 0).history();
        assertThat(h.observed()).containsExactly(4, 8, 0, 0);
        assertThat(h.interpolated()).containsExactly(4, 6, 8, 0, 0);
        assertThat(h.naiveScale()).isEqualTo(4); // |8-0| and |0-0| over the two consecutive observed pairs
        assertThat(h.zeroShare()).isEqualTo(0.5);
    }

    @Test
    void competitorFeaturesAverageTheOtherSeriesOfTheGroupWeekByWeek() {
        Series a = new Series("s/1", 10, new double[] {1, 1, 1}, List.of(Feature.price("price", 1, 2, 4),
                Feature.promotion("deal", 1, 0, 0)));
        Series b = new Series("s/2", 11, new double[] {1, 1}, List.of(Feature.price("price", 4, 8),
                Feature.promotion("deal", 1, 1)));
        Series c = new Series("s/3", 10, new double[] {1, 1, 1}, List.of(Feature.price("price", 9, 2, 1),
                Feature.promotion("deal", 0, 0, 1)));
        List<Series> out = CompetitorFeatures.add(List.of(a, b, c));
        Feature price = out.get(0).features().get(2);
        Feature deal = out.get(0).features().get(3);
        assertThat(price.name()).isEqualTo("competitor-price");
        assertThat(price.kind()).isEqualTo(FeatureKind.PRICE);
        // week 10: only c (9); week 11: b 4 and c 2 -> geometric mean sqrt(8); week 12: b 8 and c 1
        assertThat(price.values()[0]).isCloseTo(9, within(1e-9));
        assertThat(price.values()[1]).isCloseTo(Math.sqrt(8), within(1e-9));
        assertThat(price.values()[2]).isCloseTo(Math.sqrt(8), within(1e-9));
        assertThat(deal.values()).containsExactly(0, 0.5, 1);
        assertThat(CompetitorFeatures.add(List.of(a))).containsExactly(a);
    }
}
