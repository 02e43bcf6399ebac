package io.quanyu.forecast.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quanyu.forecast.bench.QualityProtocolAccess;
import io.quanyu.forecast.bench.SalesCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On real data (Dominick's orange juice, 12 stores × 11 brands, the bench protocol with its last 26 weeks scored):
 * the automatic selection beats naive and seasonal naive by a wide margin, as promotions drive this category, and no
 * model blows up on any series.
 */
class DominicksSelectionTest {

    @Test
    void selectionBeatsNaiveAndSeasonalNaiveOnASubsetOfStores() throws Exception {
        Path csv = SalesCsv.dataDir().resolve("dominicks-oj/sales.csv");
        assumeTrue(Files.isRegularFile(csv), "Dominick's data not found at " + csv.toAbsolutePath());
        List<Series> all = SalesCsv.read(csv, SalesCsv.Columns.dominicks());
        // the first 12 stores in file order, all brands: whole competitor groups, enough series to pool per brand
        List<String> stores = all.stream().map(s -> s.key().split("/")[0]).distinct().limit(12).toList();
        List<Series> subset = all.stream().filter(s -> stores.contains(s.key().split("/")[0])).toList();
        QualityProtocolAccess.Summary r = QualityProtocolAccess.evaluate(subset);
        assertThat(r.series()).isGreaterThan(100);
        assertThat(r.autoMase()).isLessThan(0.75 * r.naiveMase());
        assertThat(r.autoMase()).isLessThan(0.6 * r.seasonalNaiveMase());
        assertThat(r.autoMase()).isLessThan(r.sesMase());
        assertThat(r.coverage95()).isBetween(0.85, 1.0);
        // issue 20: no model, nor the selection, has a catastrophic series (MASE above 10)
        assertThat(r.worstSeriesMase()).isFinite().isLessThan(10);
        assertThat(r.coverage80()).isBetween(0.75, 0.85);
    }
}
