package io.quanyu.forecast.domain;

import io.quanyu.forecast.domain.eval.Backtest;
import io.quanyu.forecast.domain.eval.ErrorDistribution;
import io.quanyu.forecast.domain.model.ForecastModel;
import io.quanyu.forecast.domain.model.Pooling;
import io.quanyu.forecast.domain.model.Regression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of the forecasting domain: per series, the candidate with the lowest rolling-origin backtest MASE over
 * the most recent origins forecasts, with intervals from its backtest errors. Stateless and thread-safe.
 */
public final class Forecaster {

    /** Fewest periods an interval-calibration origin may train on. */
    private static final int MIN_CALIBRATION_TRAINING = 8;

    private final ForecastConfig config;

    public Forecaster(ForecastConfig config) {
        this.config = config;
    }

    public Forecaster() {
        this(ForecastConfig.weekly());
    }

    public ForecastConfig config() {
        return config;
    }

    /** Selects and forecasts one series on its own (no pooling). */
    public Forecast forecast(Series series, int horizon) {
        return select(series).forecast(series, horizon);
    }

    /** Selects over a group (see {@link #selectGroup}) and forecasts every series of it, in input order. */
    public List<Forecast> forecastGroup(List<Series> group, int horizon) {
        List<Selection> sel = selectGroup(group);
        List<Forecast> out = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            out.add(sel.get(i).forecast(group.get(i), horizon));
        }
        return out;
    }

    /**
     * Backtests every applicable candidate on the series' last {@code backtestOrigins} origins (targets inside the
     * series only). A candidate whose forecast left the {@link PlausibleRange} at any origin is disqualified; the others
     * are ranked by their origins' trimmed mean MASE, ties to the earlier, simpler candidate. When the winner is not a
     * simple model and its worst origin is more than {@code blowUp} times the best simple model's worst, that simple
     * model is chosen instead. A series too short for any backtest keeps the first candidate (naive in the default set)
     * with wide default intervals. The reported backtest MASE is the chosen model's plain mean.
     */
    public Selection select(Series series) {
        return select(series, config.candidates());
    }

    /**
     * Selects for every series of a group with common demand behaviour (one SKU across stores, best with
     * {@link CompetitorFeatures} added per store): the pooled regression's coefficients are estimated on the whole
     * group with a free level per series and offered to each series, shrunk towards them, as an extra candidate; the
     * interval shape is pooled over the group. Returns selections in input order.
     */
    public List<Selection> selectGroup(List<Series> group) {
        Regression template = config.pooled();
        double[] prior = null;
        if (template != null && group.size() > 1) {
            prior = Pooling.coefficients(template, group.stream().map(Series::history).toList());
        }
        List<Selection> out = new ArrayList<>();
        for (Series s : group) {
            List<ForecastModel> models = new ArrayList<>(config.candidates());
            if (prior != null) {
                models.add(template.withPrior(prior));
            }
            out.add(select(s, models));
        }
        ErrorDistribution.Shape shape = ErrorDistribution.pooledShape(out.stream().map(Selection::errors).toList());
        out.replaceAll(sel -> new Selection(sel.seriesKey(), sel.model(), sel.backtestMase(), sel.scores(),
                sel.errors().withShape(shape), sel.intervalLevels()));
        return out;
    }

    private Selection select(Series series, List<ForecastModel> candidates) {
        int n = series.length();
        int from = Math.max(1, n - config.backtestOrigins());
        ForecastConfig.SelectionRule rule = config.rule();
        Map<String, Double> scores = new LinkedHashMap<>();
        Candidate best = null;
        Candidate simple = null;
        for (ForecastModel m : candidates) {
            if (!m.applicable(series.history(from))) {
                continue;
            }
            Backtest.Result r = Backtest.run(m, series, from, n, config.backtestHorizon(), n);
            // a model that forecast outside the plausible range at any origin has shown it can: it is out
            Candidate c = new Candidate(m, r, r.outOfRange() > 0 ? Double.NaN : r.trimmedMase(rule.trim()));
            scores.put(m.name(), c.score);
            if (c.beats(best)) {
                best = c;
            }
            if (m.simple() && c.beats(simple)) {
                simple = c;
            }
        }
        if (best != null && simple != null && best != simple
                && best.result.worstOrigin() > rule.blowUp() * simple.result.worstOrigin()) {
            best = simple; // one catastrophic origin: the richer model is not trusted with this series
        }
        if (best == null) {
            ForecastModel first = config.candidates().get(0);
            best = new Candidate(first, Backtest.run(first, series, from, n, config.backtestHorizon(), n), Double.NaN);
        }
        ForecastModel chosen = best.model;
        Backtest.Result bestResult = best.result;
        ErrorDistribution errors = bestResult.errors();
        // The winner's errors on the window before, measured against its selection-window centre and scale, shape
        // the intervals: the window that chose a model flatters it, and errors drift between windows.
        int earlierFrom = from - config.backtestOrigins();
        if (earlierFrom >= MIN_CALIBRATION_TRAINING) {
            Backtest.Result earlier = Backtest.run(chosen, series, earlierFrom, from, config.backtestHorizon(), from);
            errors = errors.withShape(ErrorDistribution.calibrationShape(errors, earlier.errors()));
        }
        return new Selection(series.key(), chosen, bestResult.mase(), scores, errors, config.intervalLevels());
    }

    /** A backtested candidate and its selection score (NaN when disqualified). */
    private record Candidate(ForecastModel model, Backtest.Result result, double score) {

        /** Strictly lower score than another candidate (ties go to the earlier, simpler one). */
        boolean beats(Candidate other) {
            return Double.isFinite(score) && (other == null || !Double.isFinite(other.score) || score < other.score);
        }
    }
}
