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
 */
public record ForecastConfig(int seasonalPeriod, int backtestOrigins, int backtestHorizon,
                             List<Double> intervalLevels, List<ForecastModel> candidates, Regression pooled) {

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
    }

    /** Weekly retail defaults: 52-week season, 26 backtest origins, 4-week horizon, 80 % and 95 % intervals. */
    public static ForecastConfig weekly() {
        return new ForecastConfig(52, 26, 4, List.of(0.8, 0.95), Models.candidates(52), Regression.pooledTemplate());
    }

    public ForecastConfig withCandidates(List<ForecastModel> models) {
        return new ForecastConfig(seasonalPeriod, backtestOrigins, backtestHorizon, intervalLevels, models, pooled);
    }

    public ForecastConfig withSeasonalPeriod(int period) {
        return new ForecastConfig(period, backtestOrigins, backtestHorizon, intervalLevels,
                Models.candidates(period), pooled);
    }
}
