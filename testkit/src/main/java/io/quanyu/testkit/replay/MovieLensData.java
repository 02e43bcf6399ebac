package io.quanyu.testkit.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The MovieLens-100K files read into records: movies (u.item), users (u.user) and ratings (u.data). */
public record MovieLensData(Map<Integer, Movie> movies, Map<Integer, User> users, List<Rating> ratings) {

    /** Directory name of the data set under the shared data dir. */
    public static final String DIR_NAME = "movielens-100k";

    /** The 19 genre flags of u.item, in file order. */
    public static final List<String> GENRES = List.of("unknown", "Action", "Adventure", "Animation", "Children's",
            "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery",
            "Romance", "Sci-Fi", "Thriller", "War", "Western");

    /** Time order of the log; user and item break ties so that "the first N ratings" is one fixed set. */
    public static final Comparator<Rating> TIME_ORDER = Comparator.comparingLong(Rating::epochSecond)
            .thenComparingInt(Rating::userId).thenComparingInt(Rating::itemId);

    /** A movie, sold as a product. */
    public record Movie(int id, String title, String releaseYear, List<String> genres) {

        public String productId() {
            return ReplayIds.productId(id);
        }

        /** The first genre, lower case; "unknown" when no flag is set. */
        public String category() {
            return (genres.isEmpty() ? GENRES.getFirst() : genres.getFirst()).toLowerCase(Locale.ROOT);
        }

        public String description() {
            // u.item titles already end in "(year)"; the release year is repeated on purpose, as specified.
            String year = releaseYear == null ? "" : " (" + releaseYear + ")";
            return title + year + ", genres: " + String.join(", ", genres.isEmpty() ? List.of(GENRES.getFirst()) : genres);
        }

        /** 9.90 to 49.90 CNY, fixed per movie so replays and purchases agree. */
        public BigDecimal price() {
            return BigDecimal.valueOf(990 + (id * 37L % 41) * 100, 2);
        }
    }

    /** A MovieLens user with the demographics that become profile traits. */
    public record User(int id, int age, String gender, String occupation, String zip) {
    }

    /** One line of u.data. */
    public record Rating(int userId, int itemId, int rating, long epochSecond) {
    }

    /** Reads {@code dir}: either the movielens-100k directory itself or the shared data dir that holds it. */
    public static MovieLensData load(Path dir) {
        Path ml = Files.isRegularFile(dir.resolve("u.data")) ? dir : dir.resolve(DIR_NAME);
        if (!Files.isRegularFile(ml.resolve("u.data"))) {
            throw new IllegalArgumentException("no MovieLens-100K data (u.data, u.item, u.user) in " + dir.toAbsolutePath());
        }
        return new MovieLensData(movies(ml.resolve("u.item")), users(ml.resolve("u.user")), ratings(ml.resolve("u.data")));
    }

    public Movie movie(int id) {
        Movie m = movies.get(id);
        if (m == null) {
            throw new IllegalStateException("u.data names item " + id + " which u.item lacks");
        }
        return m;
    }

    public User user(int id) {
        User u = users.get(id);
        if (u == null) {
            throw new IllegalStateException("u.data names user " + id + " which u.user lacks");
        }
        return u;
    }

    private static Map<Integer, Movie> movies(Path file) {
        Map<Integer, Movie> movies = new TreeMap<>();
        // u.item is Latin-1 (accented titles such as "Misérables").
        for (String line : lines(file, StandardCharsets.ISO_8859_1)) {
            String[] f = line.split("\\|", -1);
            if (f.length < 5 + GENRES.size()) {
                throw new IllegalArgumentException(file + ": malformed line '" + line + "'");
            }
            List<String> genres = new ArrayList<>();
            for (int g = 0; g < GENRES.size(); g++) {
                if ("1".equals(f[5 + g].trim())) {
                    genres.add(GENRES.get(g));
                }
            }
            String date = f[2].trim();
            String year = date.length() >= 4 ? date.substring(date.length() - 4) : null;
            int id = Integer.parseInt(f[0].trim());
            movies.put(id, new Movie(id, f[1].trim(), year, List.copyOf(genres)));
        }
        return movies;
    }

    private static Map<Integer, User> users(Path file) {
        Map<Integer, User> users = new TreeMap<>();
        for (String line : lines(file, StandardCharsets.ISO_8859_1)) {
            String[] f = line.split("\\|", -1);
            int id = Integer.parseInt(f[0].trim());
            users.put(id, new User(id, Integer.parseInt(f[1].trim()), f[2].trim(), f[3].trim(), f[4].trim()));
        }
        return users;
    }

    private static List<Rating> ratings(Path file) {
        List<Rating> ratings = new ArrayList<>(100_000);
        for (String line : lines(file, StandardCharsets.US_ASCII)) {
            String[] f = line.split("\t");
            ratings.add(new Rating(Integer.parseInt(f[0].trim()), Integer.parseInt(f[1].trim()),
                    Integer.parseInt(f[2].trim()), Long.parseLong(f[3].trim())));
        }
        ratings.sort(TIME_ORDER);
        return List.copyOf(ratings);
    }

    private static List<String> lines(Path file, Charset charset) {
        try {
            return Files.readAllLines(file, charset).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
