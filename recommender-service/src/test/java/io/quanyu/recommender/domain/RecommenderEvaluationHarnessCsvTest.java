package io.quanyu.recommender.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quanyu.recommender.domain.RecommenderEvaluationHarness.Catalog;
import io.quanyu.recommender.domain.RecommenderEvaluationHarness.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness on MovieLens "latest" style CSV: ratings.csv with a sibling movies.csv, titles quoted per RFC 4180. */
class RecommenderEvaluationHarnessCsvTest {

    static final String MOVIES = "movieId,title,genres\r\n"
            + "1263,\"Deer Hunter, The (1978)\",Drama|War\r\n"
            + "1,\"\"\"Toy\"\" Story (1995)\",Adventure|Animation|Children|Comedy|Fantasy\r\n"
            + "5,\"A title\r\nover two lines\",(no genres listed)\r\n"
            + "2959,Fight Club (1999),Action|Crime|Drama|Thriller\r\n";

    @TempDir
    Path dir;

    @Test
    void loadsRatingsCsvWithTheQuotedTitlesOfMoviesCsv() throws IOException {
        Path ratings = Files.writeString(dir.resolve("ratings.csv"), "userId,movieId,rating,timestamp\r\n"
                + "1,1263,4.5,964982703\r\n1,2959,5.0,964981247\r\n2,1,3.0,964982224\r\n");
        Files.writeString(dir.resolve("movies.csv"), MOVIES);

        Dataset data = RecommenderEvaluationHarness.load(ratings);
        Catalog catalog = data.catalog();

        assertThat(data.format()).isEqualTo(RatingsFile.Format.CSV);
        assertThat(data.ratingCount()).isEqualTo(3);
        assertThat(catalog.titles()).containsExactly(Map.entry("1263", "Deer Hunter, The (1978)"),
                Map.entry("1", "\"Toy\" Story (1995)"), Map.entry("5", "A title\r\nover two lines"),
                Map.entry("2959", "Fight Club (1999)"));
        assertThat(catalog.text()).containsEntry("1263", "Deer Hunter, The (1978) Drama War");
        assertThat(catalog.categories()).containsEntry("1263", "drama").containsEntry("1", "adventure")
                .containsEntry("5", "unknown");
        // Unrated movie 5 is registered from the catalog, as u.item's unrated films are.
        assertThat(data.interactions().itemCount()).isEqualTo(4);
    }

    @Test
    void loadsARatingsCsvWhoseTitleColumnHoldsQuotedCommas() throws IOException {
        Path ratings = Files.writeString(dir.resolve("titled.csv"), "userId,movieId,title,rating,timestamp\r\n"
                + "1,1263,\"Deer Hunter, The (1978)\",4.5,964982703\r\n"
                + "2,1,\"\"\"Toy\"\" Story\r\n(1995)\",3.0,964982224\r\n");

        Dataset data = RecommenderEvaluationHarness.load(ratings);

        assertThat(data.fileOrder()).containsExactly(new RatingsFile.Rating("1", "1263", 4.5, 964982703L),
                new RatingsFile.Rating("2", "1", 3.0, 964982224L));
        assertThat(data.catalog()).isNull();
    }

    @Test
    void namesTheLineOfAMalformedMoviesCsvRecord() throws IOException {
        Path movies = Files.writeString(dir.resolve("movies.csv"), MOVIES + "7,Unquoted, with a comma (2001),Drama\r\n");

        // Line 7, not 6: the record of movie 5 spans lines 4 and 5.
        assertThatThrownBy(() -> RecommenderEvaluationHarness.movieLensMovies(movies))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("movies.csv:7:")
                .hasMessageContaining("expected 3 fields, got 4");
    }
}
