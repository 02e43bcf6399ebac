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
    void readsRfc4180QuotingInExtraColumns() throws IOException {
        // A title column as in MovieLens exports: a quoted comma, doubled quotes, a quoted line break, CRLF line ends.
        Path file = Files.writeString(dir.resolve("titled.csv"), "userId,movieId,title,rating,timestamp\r\n"
                + "1,1263,\"Deer Hunter, The (1978)\",4.5,964982703\r\n"
                + "2,1,\"\"\"Toy\"\" Story\r\n(1995)\",3.0,964982224\r\n"
                + "\r\n"
                + "2,2959, \"Fight Club (1999)\" ,5,964981247\r\n");

        assertThat(RatingsFile.format(file)).isEqualTo(RatingsFile.Format.CSV);
        assertThat(RatingsFile.read(file)).containsExactly(new Rating("1", "1263", 4.5, 964982703L),
                new Rating("2", "1", 3.0, 964982224L), new Rating("2", "2959", 5, 964981247L));
    }

    @Test
    void numbersCsvErrorsByTheLineTheRecordStartsOn() throws IOException {
        // Record 3 spans lines 3 and 4, so the short record after it is on line 5.
        Path shortRecord = Files.writeString(dir.resolve("short.csv"), "userId,movieId,title,rating,timestamp\r\n"
                + "1,1263,\"Deer Hunter, The (1978)\",4.5,964982703\r\n"
                + "2,1,\"Toy Story\r\n(1995)\",3.0,964982224\r\n"
                + "3,1263,\"Deer Hunter, The (1978)\",2\r\n");
        Path badRating = Files.writeString(dir.resolve("rating.csv"), "userId,movieId,title,rating,timestamp\n"
                + "1,1,\"a\nb\",4,1\n1,2,\"c, d\",four,2\n");
        Path unterminated = Files.writeString(dir.resolve("open.csv"),
                "userId,movieId,title,rating,timestamp\n1,1,x,4,1\n1,2,\"never closed,4,2\n");

        assertThatThrownBy(() -> RatingsFile.read(shortRecord)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("short.csv:5:").hasMessageContaining("expected 5 comma-separated fields, got 4")
                .hasMessageContaining("\"Deer Hunter, The (1978)\"");
        assertThatThrownBy(() -> RatingsFile.read(badRating)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rating.csv:4:").hasMessageContaining("rating 'four' is not a number");
        assertThatThrownBy(() -> RatingsFile.read(unterminated)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("open.csv:3:").hasMessageContaining("malformed CSV record");
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
