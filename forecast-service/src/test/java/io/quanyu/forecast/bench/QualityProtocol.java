package io.quanyu.forecast.bench;

import io.quanyu.forecast.domain.Forecast;
import io.quanyu.forecast.domain.ForecastConfig;
import io.quanyu.forecast.domain.Forecaster;
import io.quanyu.forecast.domain.PlausibleRange;
import io.quanyu.forecast.domain.PredictionInterval;
import io.quanyu.forecast.domain.Selection;
import io.quanyu.forecast.domain.Series;
import io.quanyu.forecast.domain.eval.Backtest;
import io.quanyu.forecast.domain.eval.Metrics;
import io.quanyu.forecast.domain.inventory.InventoryPolicy;
import io.quanyu.forecast.domain.inventory.Policy;
import io.quanyu.forecast.domain.inventory.PolicyParameters;
import io.quanyu.forecast.domain.inventory.PolicySimulator;
import io.quanyu.forecast.domain.model.ForecastModel;
import io.quanyu.forecast.domain.model.Pooling;
import io.quanyu.forecast.domain.model.Regression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The forecast-quality protocol, shared by the bench and the real-data test. For each series of n weeks, the scored
 * window is its last {@code testWeeks} calendar weeks; at every origin o in [n - testWeeks, n) a model fitted on weeks
 * before o forecasts o .. o+H-1, and each observed target inside the series is scored (missing weeks are skipped).
 * Series MASE = mean |error| / (mean |one-step change| over consecutive observed weeks before the window), averaged
 * over origins and horizons; the table averages series MASEs. The automatic selection is decided once per series on
 * the {@code backtestOrigins} origins just before the scored window (their targets stop at the window), then the
 * chosen model is refitted at every scored origin; its intervals come from those selection-window errors.
 */
final class QualityProtocol {

    /** Protocol knobs. */
    record Settings(int testWeeks, int horizon, ForecastConfig config, PolicyParameters policy,
                    PolicyParameters batchPolicy) {
    }

    /** A series' MASE above this is a catastrophe: ten times the error of the one-step naive change. */
    static final double CATASTROPHIC_MASE = 10;

    /** Per-series scores collected for one model. */
    static final class Scores {
        final List<Double> mase = new ArrayList<>();
        final List<Double> smape = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        int applicable;
        /** Series where the model's raw forecast left the plausible range at a scored origin (it was capped). */
        int outOfRange;

        void add(String key, double seriesMase, double seriesSmape) {
            keys.add(key);
            mase.add(seriesMase);
            smape.add(seriesSmape);
        }

        double meanMase() {
            return mase.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        double medianMase() {
            double[] v = mase.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return v.length == 0 ? Double.NaN : (v[(v.length - 1) / 2] + v[v.length / 2]) / 2;
        }

        /** Share of scored series with a MASE above {@link #CATASTROPHIC_MASE}. */
        double catastrophicShare() {
            return mase.isEmpty() ? 0 : (double) mase.stream().filter(m -> m > CATASTROPHIC_MASE).count() / mase.size();
        }

        /** Index of the series with the largest MASE, -1 when none was scored. */
        int worst() {
            int w = -1;
            for (int i = 0; i < mase.size(); i++) {
                w = w < 0 || mase.get(i) > mase.get(w) ? i : w;
            }
            return w;
        }

        double meanSmape() {
            return smape.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }

    /** Everything the bench prints. */
    static final class Report {
        final Map<String, Scores> models = new LinkedHashMap<>();
        final Scores auto = new Scores();
        final Map<String, Integer> chosen = new TreeMap<>();
        final Map<Double, int[]> coverage = new TreeMap<>(); // level -> {inside, total}
        final Map<String, int[]> coverageByModel = new TreeMap<>(); // chosen model -> {inside 80, inside 95, total}
        int aboveRange; // scored targets above the plausible range of the history at their origin
        final int[] cycles = new int[2]; // {cycles, stock-out cycles}
        final int[] batchCycles = new int[2];
        double served;
        double demanded;
        int orders;
        int batchOrders;
        int series;
    }

    private QualityProtocol() {
    }

    /**
     * @param groups   series pooled together (one SKU across stores), each already carrying its competitor features
     * @param baseline calibration models scored too, each on the series without competitor features (same order)
     */
    static Report run(List<List<Series>> groups, Map<String, List<Series>> baseline,
                      Map<String, ForecastModel> baselineModels, Settings st) {
        Report rep = new Report();
        Forecaster forecaster = new Forecaster(st.config());
        for (List<Series> group : groups) {
            List<Series> atSelection = group.stream().map(s -> s.upTo(s.length() - st.testWeeks())).toList();
            List<Selection> selections = forecaster.selectGroup(atSelection);
            List<ForecastModel> models = new ArrayList<>(st.config().candidates());
            Regression pooled = st.config().pooled();
            double[] prior = pooled == null ? null
                    : Pooling.coefficients(pooled, atSelection.stream().map(Series::history).toList());
            for (int i = 0; i < group.size(); i++) {
                Series s = group.get(i);
                List<ForecastModel> all = new ArrayList<>(models);
                if (prior != null) {
                    all.add(pooled.withPrior(prior));
                }
                for (ForecastModel m : all) {
                    score(rep.models.computeIfAbsent(m.name(), k -> new Scores()), m, s, st);
                }
                evaluateSelection(rep, s, selections.get(i), st);
            }
        }
        baseline.forEach((label, list) -> {
            ForecastModel m = baselineModels.get(label);
            Scores sc = new Scores();
            list.forEach(s -> score(sc, m, s, st));
            rep.models.put(label, sc);
        });
        return rep;
    }

    private static void score(Scores sc, ForecastModel m, Series s, Settings st) {
        int n = s.length();
        int from = n - st.testWeeks();
        Backtest.Result r = Backtest.run(m, s, from, n, st.horizon(), n);
        if (Double.isFinite(r.mase())) {
            sc.add(s.key(), r.mase(), r.smape());
        }
        sc.outOfRange += r.outOfRange() > 0 ? 1 : 0;
        if (m.applicable(s.history(from))) {
            sc.applicable++;
        }
    }

    private static void evaluateSelection(Report rep, Series s, Selection sel, Settings st) {
        rep.series++;
        rep.chosen.merge(sel.modelName(), 1, Integer::sum);
        int n = s.length();
        int from = n - st.testWeeks();
        double[] y = s.demand();
        double scale = Metrics.scale(s.history(from));
        double abs = 0;
        double sm = 0;
        int pts = 0;
        int weeks = n - from;
        Policy[] policies = new Policy[weeks];
        Policy[] batch = new Policy[weeks];
        double[] demand = new double[weeks];
        boolean[] known = new boolean[weeks];
        for (int o = from; o < n; o++) {
            Forecast fc = sel.forecast(s.upTo(o), st.horizon());
            double upper = PlausibleRange.of(s.history(o)).upper();
            for (int k = 0; k < st.horizon() && o + k < n; k++) {
                double a = y[o + k];
                if (Double.isNaN(a)) {
                    continue;
                }
                rep.aboveRange += a > upper ? 1 : 0;
                double f = fc.points().get(k).forecast();
                abs += Math.abs(a - f) / scale;
                sm += Metrics.smape(a, f);
                pts++;
                int[] byModel = rep.coverageByModel.computeIfAbsent(sel.modelName(), z -> new int[3]);
                byModel[2]++;
                for (PredictionInterval iv : fc.points().get(k).intervals()) {
                    int[] c = rep.coverage.computeIfAbsent(iv.level(), z -> new int[2]);
                    boolean inside = a >= iv.lower() && a <= iv.upper();
                    c[0] += inside ? 1 : 0;
                    c[1]++;
                    byModel[iv.level() < 0.9 ? 0 : 1] += inside ? 1 : 0;
                }
            }
            int w = o - from;
            policies[w] = InventoryPolicy.compute(fc, st.policy());
            batch[w] = InventoryPolicy.compute(fc, st.batchPolicy());
            known[w] = !Double.isNaN(y[o]);
            demand[w] = known[w] ? y[o] : fc.points().get(0).forecast();
        }
        if (pts > 0) {
            rep.auto.add(s.key(), abs / pts, sm / pts);
        }
        var r = PolicySimulator.simulate(demand, known, policies, st.policy().leadTimeWeeks(),
                policies[0].reorderPoint());
        rep.cycles[0] += r.cycles();
        rep.cycles[1] += r.stockoutCycles();
        rep.orders += r.orders();
        double total = 0;
        for (int w = 0; w < weeks; w++) {
            total += known[w] ? demand[w] : 0;
        }
        rep.demanded += total;
        rep.served += r.fillRate() * total;
        var b = PolicySimulator.simulate(demand, known, batch, st.batchPolicy().leadTimeWeeks(),
                batch[0].reorderPoint());
        rep.batchCycles[0] += b.cycles();
        rep.batchCycles[1] += b.stockoutCycles();
        rep.batchOrders += b.orders();
    }
}
