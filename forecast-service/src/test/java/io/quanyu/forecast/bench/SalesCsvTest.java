package io.quanyu.forecast.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.forecast.domain.Series;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benches' sales reader on RFC 4180 CSV: quoted header and keys, doubled quotes, CRLF, a quoted line break. */
class SalesCsvTest {

    @Test
    void readsQuotedFieldsSpanningCommasQuotesAndLines(@TempDir Path dir) throws IOException {
        // Dominick's quotes its header; a store name with a comma and a note over two lines are quoted too.
        Path csv = Files.writeString(dir.resolve("sales.csv"), "\"store\",\"brand\",\"week\",\"units\",\"price1\",\"note\"\r\n"
                + "\"Deer Park, North\",1,40,12,0.05,plain\r\n"
                + "\"Deer Park, North\",1,41,15,0.04,\"price cut\r\nafter \"\"flyer\"\"\"\r\n"
                + "\r\n"
                + "Elm,1,40,7,0.06,\"a, b\"\r\n");
        SalesCsv.Columns columns = new SalesCsv.Columns(List.of("store", "brand"), "week", "units", "none",
                List.of("price{brand}"), List.of(), List.of());

        List<Series> series = SalesCsv.read(csv, columns);

        assertThat(series).extracting(Series::key).containsExactly("Deer Park, North/1", "Elm/1");
        Series north = series.getFirst();
        assertThat(north.firstPeriod()).isEqualTo(40);
        assertThat(north.demand()).containsExactly(12, 15);
        assertThat(north.features().getFirst().name()).isEqualTo("price{brand}");
        assertThat(north.features().getFirst().values()).containsExactly(0.05, 0.04);
        assertThat(series.get(1).demand()).containsExactly(7);
    }
}
