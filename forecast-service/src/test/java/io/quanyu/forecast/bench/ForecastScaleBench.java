package io.quanyu.forecast.bench;

import io.quanyu.forecast.domain.CompetitorFeatures;
import io.quanyu.forecast.domain.Forecast;
import io.quanyu.forecast.domain.Forecaster;
import io.quanyu.forecast.domain.Selection;
import io.quanyu.forecast.domain.Series;
import io.quanyu.testkit.bench.Machine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./quanyu bench forecast-scale}: wall time to select a model for and forecast every store × brand series of
 * Dominick's OJ (about 900) on their whole history, as the service would each week; median of several rounds.
 * Usage: {@code [CSV] [--rounds 3] [--horizon 4]} plus the column flags of {@link ForecastQualityBench}.
 */
public final class ForecastScaleBench {

    private ForecastScaleBench() {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs a = new BenchArgs(argv);
        Path csv = a.csv();
        SalesCsv.Columns cols = a.columns();
        String competitorGroup = a.get("competitor-group", cols.keys().size() > 1 ? cols.keys().get(0) : "none");
        String poolBy = a.get("pool-by", cols.keys().size() > 1 ? cols.keys().get(1) : "all");
        int rounds = a.getInt("rounds", 3);
        int horizon = a.getInt("horizon", 4);

        System.out.println("== forecast-scale ==");
        System.out.println("machine: " + Machine.describe());
        List<Series> raw = SalesCsv.read(csv, cols);
        List<Series> enriched = new ArrayList<>();
        ForecastQualityBench.groupBy(raw, cols.keys(), competitorGroup).values()
                .forEach(g -> enriched.addAll(CompetitorFeatures.add(g)));
        List<List<Series>> pools = new ArrayList<>(ForecastQualityBench.groupBy(enriched, cols.keys(), poolBy).values());
        int points = raw.stream().mapToInt(Series::length).sum();
        System.out.printf("data: %s, %d series, %d weekly points (gaps included), %d pool groups%n", csv, raw.size(),
                points, pools.size());
        Forecaster forecaster = new Forecaster();
        System.out.printf("work per series: backtest of %d candidate models (+ pooled regression) on the last %d "
                        + "origins x %d weeks, the winner again on the %d origins before (interval calibration), "
                        + "then a %d-week forecast; one thread%n", forecaster.config().candidates().size(),
                forecaster.config().backtestOrigins(), forecaster.config().backtestHorizon(),
                forecaster.config().backtestOrigins(), horizon);

        double[] secs = new double[rounds];
        Map<String, Integer> chosen = new TreeMap<>();
        for (int r = 0; r < rounds; r++) {
            chosen.clear();
            long t0 = System.nanoTime();
            int forecasts = 0;
            for (List<Series> group : pools) {
                List<Selection> sel = forecaster.selectGroup(group);
                for (int i = 0; i < group.size(); i++) {
                    Forecast f = sel.get(i).forecast(group.get(i), horizon);
                    forecasts += f.horizon() > 0 ? 1 : 0;
                    chosen.merge(sel.get(i).modelName(), 1, Integer::sum);
                }
            }
            secs[r] = (System.nanoTime() - t0) / 1e9;
            System.out.printf("round %d: %.2f s for %d series (%.1f ms per series)%n", r + 1, secs[r], forecasts,
                    1000 * secs[r] / forecasts);
        }
        double[] sorted = secs.clone();
        Arrays.sort(sorted);
        double median = sorted[rounds / 2];
        System.out.printf("median of %d rounds: %.2f s to fit and select %d series (%.1f ms per series, %.0f series/s)"
                + "%n", rounds, median, raw.size(), 1000 * median / raw.size(), raw.size() / median);
        System.out.println("models chosen: " + chosen);
    }
}
