package io.quanyu.forecast.bench;

import io.quanyu.forecast.domain.CompetitorFeatures;
import io.quanyu.forecast.domain.ForecastConfig;
import io.quanyu.forecast.domain.Series;
import io.quanyu.forecast.domain.inventory.PolicyParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the quality protocol on Dominick's-shaped series for tests in other packages, with the bench's defaults. */
public final class QualityProtocolAccess {

    /** The figures a test asserts on. */
    public record Summary(int series, double autoMase, double naiveMase, double seasonalNaiveMase, double sesMase,
                          double coverage80, double coverage95, double worstSeriesMase) {
    }

    private QualityProtocolAccess() {
    }

    /** Competitor features by store, pooling by brand, 26 scored weeks, horizons 1-4. */
    public static Summary evaluate(List<Series> series) {
        List<String> keys = SalesCsv.Columns.dominicks().keys();
        List<Series> enriched = new ArrayList<>();
        ForecastQualityBench.groupBy(series, keys, "store").values()
                .forEach(g -> enriched.addAll(CompetitorFeatures.add(g)));
        List<List<Series>> pools = new ArrayList<>(ForecastQualityBench.groupBy(enriched, keys, "brand").values());
        PolicyParameters policy = PolicyParameters.weekly();
        var settings = new QualityProtocol.Settings(26, 4, ForecastConfig.weekly(), policy, policy);
        QualityProtocol.Report r = QualityProtocol.run(pools, Map.of(), Map.of(), settings);
        int[] c80 = r.coverage.get(0.8);
        int[] c95 = r.coverage.get(0.95);
        // the largest series MASE of any model or of the selection: a blow-up that a mean would hide
        double worst = java.util.stream.Stream.concat(r.models.values().stream(), java.util.stream.Stream.of(r.auto))
                .flatMap(sc -> sc.mase.stream()).mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return new Summary(r.series, r.auto.meanMase(), r.models.get("naive").meanMase(),
                r.models.get("seasonal-naive").meanMase(), r.models.get("ses").meanMase(), (double) c80[0] / c80[1],
                (double) c95[0] / c95[1], worst);
    }
}
