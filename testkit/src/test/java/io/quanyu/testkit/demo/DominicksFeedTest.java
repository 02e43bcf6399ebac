package io.quanyu.testkit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.testkit.demo.DominicksFeed.Sale;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dominick's sales.csv read as RFC 4180 CSV, columns by header name. */
class DominicksFeedTest {

    @Test
    void readsQuotedValuesCrlfAndAQuotedLineBreakByColumnName(@TempDir Path dir) throws IOException {
        // As R writes it (quoted header), plus quoted numbers and a quoted note column with a comma, doubled quotes and
        // a line break: nothing the demo uses, but a line-by-line comma split would take it apart.
        Path csv = Files.writeString(dir.resolve("sales.csv"),
                "\"store\",\"brand\",\"week\",\"logmove\",\"constant\",\"price1\",\"price2\",\"note\"\r\n"
                        + "\"2\",\"1\",\"40\",0,1,0.05,0.03,\"Deer Hunter, The (1978) tie-in\"\r\n"
                        + "2,2,100,1,1,0.04,0.0303125,\"a \"\"deal\"\"\r\nweek\"\r\n"
                        + "5,2,100,0,1,0.04,0.03,\r\n"
                        + "2,1,100,2,1,0.045,0.03,plain\r\n");

        List<Sale> sales = DominicksFeed.read(csv, List.of(2));

        // Week 100 is the last data week; the 52 weeks up to it are 49..100, so week 40 is left out.
        assertThat(sales).containsExactly(new Sale(2, 2, 51, 3, new BigDecimal("1.94")),
                new Sale(2, 1, 51, 7, new BigDecimal("2.88")));
    }
}
