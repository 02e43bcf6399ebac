package io.quanyu.recommender.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quanyu.recommender.domain.RatingsFile.Rating;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatingsFileTest {

    @TempDir
    Path dir;

    @Test
    void readsMovieLensTabSeparatedWithoutHeader() throws IOException {
        Path file = Files.writeString(dir.resolve("u.data"), "196\t242\t3\t881250949\n186\t302\t3\t891717742\n\n");

        assertThat(RatingsFile.format(file)).isEqualTo(RatingsFile.Format.TSV);
        assertThat(RatingsFile.read(file)).containsExactly(new Rating("196", "242", 3, 881250949L),
                new Rating("186", "302", 3, 891717742L));
    }

    @Test
    void readsCsvWithColumnsInHeaderOrder() throws IOException {
        Path latest = Files.writeString(dir.resolve("ratings.csv"),
                "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,4.5,964981247\n");
        Path reordered = Files.writeString(dir.resolve("log.csv"),
                "\uFEFFtimestamp,item,user,rating\r\n964982703,sku-9,alice,2\r\n");

        assertThat(RatingsFile.format(latest)).isEqualTo(RatingsFile.Format.CSV);
        assertThat(RatingsFile.read(latest)).containsExactly(new Rating("1", "1", 4.0, 964982703L),
                new Rating("1", "3", 4.5, 964981247L));
        assertThat(RatingsFile.read(reordered)).containsExactly(new Rating("alice", "sku-9", 2, 964982703L));
        assertThat(RatingsFile.read(reordered).getFirst().event(1).time().getEpochSecond()).isEqualTo(964982703L);
    }

    @Test
    void reportsAMalformedLineWithItsNumber() throws IOException {
        Path tsv = Files.writeString(dir.resolve("bad.data"), "1\t2\t3\t4\n\n1\t2\tfive\t4\n");
        Path csv = Files.writeString(dir.resolve("bad.csv"), "userId,movieId,rating,timestamp\n1,2,3,4\n1,2,3\n");
        Path header = Files.writeString(dir.resolve("noitem.csv"), "userId,rating,timestamp\n1,3,4\n");

        assertThatThrownBy(() -> RatingsFile.read(tsv)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.data:3:").hasMessageContaining("rating 'five' is not a number");
        assertThatThrownBy(() -> RatingsFile.read(csv)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.csv:3:").hasMessageContaining("expected 4 comma-separated fields, got 3");
        assertThatThrownBy(() -> RatingsFile.read(header)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noitem.csv:1:").hasMessageContaining("movieid");
    }

    @Test
    void timeOrderBreaksTiesByNumericIds() {
        List<Rating> ratings = new ArrayList<>(List.of(new Rating("10", "1", 1, 5), new Rating("9", "2", 1, 5),
                new Rating("9", "10", 1, 5), new Rating("x", "1", 1, 4)));
        ratings.sort(RatingsFile.TIME_ORDER);

        assertThat(ratings).extracting(r -> r.userId() + "/" + r.itemId()).containsExactly("x/1", "9/2", "9/10",
                "10/1");
    }
}
