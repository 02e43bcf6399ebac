package io.quanyu.forecast.domain;

import io.quanyu.forecast.domain.model.ForecastModel;
import io.quanyu.forecast.domain.model.Models;
import io.quanyu.forecast.domain.model.Regression;
import java.util.List;

/**
 * Settings of the automatic forecaster.
 *
 * @param seasonalPeriod    season length in periods (52 for weekly data)
 * @param backtestOrigins   how many most recent origins the selection backtest uses
 * @param backtestHorizon   periods forecast from each backtest origin (also the longest horizon with its own
 *                          error distribution)
 * @param intervalLevels    central interval coverages reported with every forecast point, e.g. 0.8 and 0.95
 * @param candidates        models the selection chooses from
 * @param pooled            regression whose coefficients {@link Forecaster#selectGroup} pools over a group of series
 *                          and shrinks each series towards (its ridge is the shrinkage strength); null disables it
 * @param rule              how the selection scores candidates and when it falls back to a simple model
 */
public record ForecastConfig(int seasonalPeriod, int backtestOrigins, int backtestHorizon,
                             List<Double> intervalLevels, List<ForecastModel> candidates, Regression pooled,
                             SelectionRule rule) {

    /**
     * The selection's robustness to single origins.
     *
     * @param trim   share of the best and of the worst backtest origins left out of a candidate's score
     * @param blowUp a richer model whose worst origin is more than this many times the best simple model's worst
     *               origin gives way to that simple model
     */
    public record SelectionRule(double trim, double blowUp) {

        public SelectionRule {
            if (!(trim >= 0 && trim < 0.5) || !(blowUp >= 1)) {
                throw new IllegalArgumentException("trim must be in [0, 0.5) and blowUp at least 1");
            }
        }

        /** The defaults, chosen on half of Dominick's stores (see the module README). */
        public static SelectionRule standard() {
            return new SelectionRule(0.05, 3);
        }
    }

    public ForecastConfig(int seasonalPeriod, int backtestOrigins, int backtestHorizon, List<Double> intervalLevels,
                          List<ForecastModel> candidates, Regression pooled) {
        this(seasonalPeriod, backtestOrigins, backtestHorizon, intervalLevels, candidates, pooled,
                SelectionRule.standard());
    }

    public ForecastConfig {
        if (seasonalPeriod < 1 || backtestOrigins < 1 || backtestHorizon < 1) {
            throw new IllegalArgumentException("periods must be positive");
        }
        intervalLevels = List.copyOf(intervalLevels);
        if (intervalLevels.stream().anyMatch(l -> !(l > 0 && l < 1))) {
            throw new IllegalArgumentException("interval levels must be in (0, 1)");
        }
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidate models");
        }
        java.util.Objects.requireNonNull(rule, "rule");
    }

    /** Weekly retail defaults: 52-week season, 26 backtest origins, 4-week horizon, 80 % and 95 % intervals. */
    public static ForecastConfig weekly() {
        return new ForecastConfig(52, 26, 4, List.of(0.8, 0.95), Models.candidates(52), Regression.pooledTemplate());
    }

    public ForecastConfig withCandidates(List<ForecastModel> models) {
        return new ForecastConfig(seasonalPeriod, backtestOrigins, backtestHorizon, intervalLevels, models, pooled, rule);
    }

    public ForecastConfig withSeasonalPeriod(int period) {
        return new ForecastConfig(period, backtestOrigins, backtestHorizon, intervalLevels,
                Models.candidates(period), pooled, rule);
    }

    public ForecastConfig withRule(SelectionRule other) {
        return new ForecastConfig(seasonalPeriod, backtestOrigins, backtestHorizon, intervalLevels, candidates, pooled,
                other);
    }
}
