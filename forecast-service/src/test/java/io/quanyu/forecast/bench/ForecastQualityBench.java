package io.quanyu.forecast.bench;

import io.quanyu.forecast.domain.CompetitorFeatures;
import io.quanyu.forecast.domain.ForecastConfig;
import io.quanyu.forecast.domain.Series;
import io.quanyu.forecast.domain.inventory.PolicyParameters;
import io.quanyu.forecast.domain.model.ForecastModel;
import io.quanyu.forecast.domain.model.Models;
import io.quanyu.forecast.domain.model.Naive;
import io.quanyu.forecast.domain.model.Regression;
import io.quanyu.forecast.domain.model.SeasonalNaive;
import io.quanyu.forecast.domain.model.SimpleExpSmoothing;
import io.quanyu.testkit.bench.Machine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./quanyu bench forecast-quality}: rolling-origin MASE/sMAPE per model and for the automatic selection,
 * interval coverage and the cycle service level of the reorder policy, on any weekly sales CSV (Dominick's OJ by
 * default). Usage: {@code [CSV] [--keys store,brand] [--period week] [--qty logmove] [--qty-transform exp|none|expm1]
 * [--price 'price{brand}'] [--promo deal,feat] [--other cols] [--competitor-group store|none] [--pool-by brand|all|none]
 * [--test-weeks 26] [--horizon 4] [--season 52] [--select-origins 26] [--service-level 0.95] [--lead-time 1]
 * [--ordering-cost 50] [--holding-cost 0.02] [--max-series N] [--split all|tune|holdout] [--trim 0.1]
 * [--blow-up 3]}. {@code --split} keeps every second value of the first key column (tune: the 1st, 3rd, ... in sorted
 * order; holdout: the others), so settings chosen on one half can be reported on the other.
 */
public final class ForecastQualityBench {

    private ForecastQualityBench() {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs a = new BenchArgs(argv);
        Path csv = a.csv();
        SalesCsv.Columns cols = a.columns();
        int testWeeks = a.getInt("test-weeks", 26);
        int horizon = a.getInt("horizon", 4);
        int season = a.getInt("season", 52);
        int selectOrigins = a.getInt("select-origins", 26);
        String competitorGroup = a.get("competitor-group", cols.keys().size() > 1 ? cols.keys().get(0) : "none");
        String poolBy = a.get("pool-by", cols.keys().size() > 1 ? cols.keys().get(1) : "all");
        PolicyParameters policy = PolicyParameters.weekly()
                .withServiceLevel(a.getDouble("service-level", 0.95)).withLeadTime(a.getInt("lead-time", 1));
        PolicyParameters batch = policy.withCosts(a.getDouble("ordering-cost", 50), a.getDouble("holding-cost", 0.02));

        System.out.println("== forecast-quality ==");
        System.out.println("machine: " + Machine.describe());
        long t0 = System.nanoTime();
        List<Series> raw = SalesCsv.read(csv, cols);
        int max = a.getInt("max-series", Integer.MAX_VALUE);
        String split = a.get("split", "all");
        List<Series> inSplit = split(raw, split);
        List<Series> base = inSplit.stream().filter(s -> s.length() >= testWeeks + 8).limit(max).toList();
        System.out.printf("data: %s (%d series read, %d in split '%s' by %s, %d scored, %d shorter than %d periods "
                        + "skipped; %.1f s to load)%n", csv, raw.size(), inSplit.size(), split, cols.keys().get(0),
                base.size(), inSplit.size() - base.size(), testWeeks + 8, (System.nanoTime() - t0) / 1e9);
        System.out.printf("columns: keys %s, period %s, quantity %s(%s), prices %s, promotions %s, other %s%n",
                cols.keys(), cols.period(), cols.qtyTransform(), cols.qty(), cols.prices(), cols.promos(),
                cols.others());

        List<Series> enriched = new ArrayList<>();
        groupBy(base, cols.keys(), competitorGroup).values().forEach(g -> enriched.addAll(CompetitorFeatures.add(g)));
        List<List<Series>> pools = new ArrayList<>(groupBy(enriched, cols.keys(), poolBy).values());

        ForecastConfig config = new ForecastConfig(season, selectOrigins, horizon, List.of(0.8, 0.95),
                Models.candidates(season), poolBy.equals("none") ? null : Regression.pooledTemplate(),
                new ForecastConfig.SelectionRule(a.getDouble("trim", ForecastConfig.SelectionRule.standard().trim()),
                        a.getDouble("blow-up", ForecastConfig.SelectionRule.standard().blowUp())));
        Map<String, ForecastModel> calib = new LinkedHashMap<>();
        calib.put("regression (own price, promos only)", Regression.plain());
        printProtocol(testWeeks, horizon, season, selectOrigins, competitorGroup, poolBy, policy, batch, config.rule());

        long t1 = System.nanoTime();
        var settings = new QualityProtocol.Settings(testWeeks, horizon, config, policy, batch);
        var rep = QualityProtocol.run(pools, Map.of("regression (own price, promos only)", base), calib, settings);
        double secs = (System.nanoTime() - t1) / 1e9;

        System.out.printf("%n%-36s %6s %6s %7s %6s %7s %7s  %s%n", "model", "MASE", "median", "sMAPE%", "appl.",
                "capped", "MASE>10", "worst series (MASE)");
        rep.models.entrySet().stream().sorted(Comparator.comparingDouble(e -> e.getValue().meanMase()))
                .forEach(e -> printRow(e.getKey(), e.getValue(), rep.series, true));
        printRow("AUTOMATIC SELECTION", rep.auto, rep.series, false);
        System.out.println("(capped: share of series where the model's raw forecast left the plausible range at a "
                + "scored origin and was cut to it; MASE>10: share of series with a catastrophic error)");
        double naive = rep.models.get(new Naive().name()).meanMase();
        double snaive = rep.models.get(new SeasonalNaive(season).name()).meanMase();
        System.out.printf("selection vs naive: %.3f of its MASE; vs seasonal naive: %.3f; vs SES: %.3f%n",
                rep.auto.meanMase() / naive, rep.auto.meanMase() / snaive,
                rep.auto.meanMase() / rep.models.get(new SimpleExpSmoothing().name()).meanMase());
        System.out.println("models chosen: " + rep.chosen);
        int targets = rep.coverage.values().stream().findFirst().map(c -> c[1]).orElse(0);
        System.out.printf("targets above the plausible range of the history at their origin: %d of %d (%.2f%%)%n",
                rep.aboveRange, targets, 100.0 * rep.aboveRange / Math.max(1, targets));
        rep.coverage.forEach((level, c) -> System.out.printf(
                "interval %2.0f%%: empirical coverage %.1f%% over %d targets (nominal %.0f%%)%n",
                100 * level, 100.0 * c[0] / c[1], c[1], 100 * level));
        System.out.println("coverage 80 % / 95 % by chosen model: " + String.join(", ", rep.coverageByModel.entrySet()
                .stream().map(e -> String.format("%s %.1f/%.1f (%d)", e.getKey(), 100.0 * e.getValue()[0] / e.getValue()[2],
                        100.0 * e.getValue()[1] / e.getValue()[2], e.getValue()[2])).toList()));
        System.out.printf("reorder policy (order up to the reorder point weekly): cycle service level %.1f%% over %d "
                        + "cycles (target %.1f%%), fill rate %.2f%%, %d orders%n",
                100.0 * (rep.cycles[0] - rep.cycles[1]) / rep.cycles[0], rep.cycles[0], 100 * policy.serviceLevel(),
                100 * rep.served / rep.demanded, rep.orders);
        System.out.printf("reorder point + EOQ batches (K=%.0f, h=%.2f/unit/week): cycle service level %.1f%% over %d "
                        + "cycles (batching only adds stock above the reorder point), %d orders%n",
                batch.orderingCost(), batch.holdingCostPerWeek(),
                100.0 * (rep.batchCycles[0] - rep.batchCycles[1]) / rep.batchCycles[0], rep.batchCycles[0],
                rep.batchOrders);
        System.out.printf("time: %.1f s for %d series (all models scored, selection, refits, simulations)%n", secs,
                rep.series);
    }

    private static void printRow(String name, QualityProtocol.Scores sc, int series, boolean model) {
        int w = sc.worst();
        System.out.printf("%-36s %6.3f %6.3f %7.2f %6s %6.1f%% %6.1f%%  %s%n", name, sc.meanMase(), sc.medianMase(),
                sc.meanSmape(), model ? String.format("%.0f%%", 100.0 * sc.applicable / Math.max(1, series)) : "",
                100.0 * sc.outOfRange / Math.max(1, series), 100 * sc.catastrophicShare(),
                w < 0 ? "-" : String.format("%s (%.2f)", sc.keys.get(w), sc.mase.get(w)));
    }

    /** Every second value of the first key column, in sorted order: "tune" the 1st, 3rd, ..., "holdout" the rest. */
    static List<Series> split(List<Series> all, String which) {
        if (which.equals("all")) {
            return all;
        }
        if (!which.equals("tune") && !which.equals("holdout")) {
            throw new IllegalArgumentException("--split must be all, tune or holdout");
        }
        List<String> values = all.stream().map(s -> s.key().split("/")[0]).distinct()
                .sorted(Comparator.comparing((String v) -> v.length()).thenComparing(v -> v)).toList();
        int parity = which.equals("tune") ? 0 : 1;
        return all.stream().filter(s -> values.indexOf(s.key().split("/")[0]) % 2 == parity).toList();
    }

    private static void printProtocol(int test, int h, int season, int sel, String group, String pool,
                                      PolicyParameters p, PolicyParameters batch, ForecastConfig.SelectionRule rule) {
        System.out.println("protocol:");
        System.out.printf("  weekly grid per series from its first to its last week; a missing week is missing "
                + "(never zero): not a target, skipped by the models%n");
        System.out.printf("  rolling origin over each series' last %d weeks: at every origin o in [n-%d, n) fit on "
                + "weeks < o, forecast o..o+%d; score every observed target inside the series%n", test, test, h - 1);
        System.out.printf("  MASE = mean |y - f| / (mean |y_t - y_t-1| over consecutive observed weeks before the "
                + "scored window), per series over origins x horizons 1-%d, then averaged over series; sMAPE alike%n",
                h);
        System.out.printf("  future price, promotion and competitor features at the forecast weeks are known "
                + "(the retailer plans them); seasonal period %d%n", season);
        System.out.printf("  competitor features among series sharing '%s'; pooled regression coefficients among "
                + "series sharing '%s'%n", group, pool);
        System.out.printf("  plausible range per origin: [0, k x largest observed week], k = 4 x sqrt(26 / observed "
                + "weeks) between 4 and 20 ([0, 0] without sales); every model's forecasts, medians and interval "
                + "bounds are cut to it, here as in the service%n");
        System.out.printf("  automatic selection: per series, on the %d origins before the scored window (targets "
                + "stop at its start): a model whose forecast left the range at any of them is out; lowest mean of "
                + "the origins' MASE without the best and worst %.0f%%; a richer model whose worst origin exceeds "
                + "%.1f x the best simple model's (naive, seasonal naive, moving average, SES) gives way to it; "
                + "chosen once, refitted at every scored origin%n", sel, 100 * rule.trim(), rule.blowUp());
        System.out.printf("  intervals: median and RMS spread of the chosen model's log(1+units) errors per horizon on "
                + "the selection window, times the empirical shape of its errors on the %d origins before that "
                + "window standardised by them (centred, pooled over the pool group; normal with their RMS when "
                + "fewer than 300); sums over weeks alike%n", sel);
        System.out.printf("  a model that does not apply at an origin (too little history, no intermittency) falls "
                + "back to the last observed value; 'applicable' = share of series where it applies at the first "
                + "scored origin%n");
        System.out.printf("  inventory: periodic review every %d week, lead time %d week(s), reorder point = %.0f%% "
                + "quantile of demand over lead time + review from the same errors; backorders; a cycle runs from one "
                + "arrival to the next and fails if net stock goes negative in it%n", p.reviewPeriodWeeks(),
                p.leadTimeWeeks(), 100 * p.serviceLevel());
    }

    /** Groups series by the values of some key columns ("all": one group, "none": one group per series). */
    static Map<String, List<Series>> groupBy(List<Series> series, List<String> keys, String by) {
        Map<String, List<Series>> out = new LinkedHashMap<>();
        List<String> byCols = by.equals("all") || by.equals("none") ? List.of() : List.of(by.split(","));
        for (Series s : series) {
            String[] parts = s.key().split("/");
            StringBuilder g = new StringBuilder(by.equals("none") ? s.key() : "");
            for (String c : byCols) {
                int i = keys.indexOf(c.trim());
                if (i < 0) {
                    throw new IllegalArgumentException("'" + c + "' is not one of the key columns " + keys);
                }
                g.append(parts[i]).append('/');
            }
            out.computeIfAbsent(g.toString(), k -> new ArrayList<>()).add(s);
        }
        return out;
    }
}
