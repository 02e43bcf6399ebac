package io.quanyu.recommender.domain;

import io.quanyu.recommender.domain.Evaluation.Result;
import io.quanyu.recommender.domain.Evaluation.Split;
import io.quanyu.recommender.domain.ItemKnn.Similarity;
import io.quanyu.testkit.bench.Machine;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Every model on one ratings log under the Microsoft Recommenders benchmark protocol, hyperparameters tuned on a
 * validation split carved out of train. Runs on any log {@link RatingsFile} reads (tab-separated
 * {@code user item rating timestamp}, or a CSV with {@code userId,movieId,rating,timestamp} columns):
 *
 * <pre>
 * java -cp &lt;test classpath&gt; io.quanyu.recommender.domain.RecommenderEvaluationHarness &lt;ratings-file&gt; [--seed N] [--k 10] [--quick]
 * </pre>
 *
 * A MovieLens-100K {@code u.item}, or else a MovieLens "latest" {@code movies.csv} ({@code movieId,title,genres}), next
 * to the ratings file gives item text (title and genres) for the content model and titles for the example; without
 * either the content model is skipped. {@code --quick} skips BPR, the slowest model, and runs rating prediction on u1
 * only. After the ranking table comes rating prediction: RMSE and MAE of explicit rating predictors on MovieLens' u1
 * split and five u folds ({@link RatingPredictionReport}).
 * {@link MovieLensRecommenderEvaluationTest} runs this on MovieLens-100K and asserts on the {@link Report}.
 */
public final class RecommenderEvaluationHarness {

    static final long DEFAULT_SEED = 42;
    static final int DEFAULT_K = 10;

    /**
     * Chosen offline on the MovieLens-100K validation split (never the test split): a 32-point grid over k {64, 128},
     * α {2, 5, 10, 20}, λ {30, 60, 120, 250}, then α {7, 10, 14} × λ {40, 60, 80}; validation nDCG@10 peaked at 0.280
     * for k=64, α=10, λ=60, flat in iterations (15 vs 30) and CG steps (3 vs 6). The harness re-checks λ around it on
     * the validation split of whatever log it runs on.
     */
    static final ImplicitAls.Config ALS = new ImplicitAls.Config(64, 15, 10, 60, 3, DEFAULT_SEED);

    /**
     * BPR, for comparison with the published BPR figure: the best of a 54-point MovieLens-100K validation grid (k {64,
     * 128, 200}, lr {0.01, 0.03, 0.05}, λ {0.001, 0.003, 0.01}, 100 or 200 epochs, init sd 0.01) plus λ {0.02, 0.03}:
     * validation nDCG@10 0.263, below ALS (0.280), which is why ALS is the MF model of the hybrid. Not re-tuned here.
     */
    static final Bpr.Config BPR = new Bpr.Config(200, 200, 0.01, 0.01, DEFAULT_SEED);

    /** Neighbourhood sizes tried on validation: from a small catalogue's 20 to a large one's 400. */
    static final List<Integer> ITEM_NEIGHBOURS = List.of(20, 50, 100, 200, 400, 800, 1600);
    static final List<Integer> USER_NEIGHBOURS = List.of(10, 25, 50, 100, 200, 400);
    /** ALS regularization on a log scale (it grows with interactions per item), then confidence weights α. */
    static final List<Double> ALS_LAMBDAS = List.of(7.5, 15.0, 30.0, 60.0, 120.0, 240.0, 480.0);
    static final List<Double> ALS_ALPHAS = List.of(3.0, 10.0, 30.0);

    private RecommenderEvaluationHarness() {
    }

    /** Command-line options. The validation split uses {@code seed + 1}. */
    public record Options(Path ratings, long seed, int k, boolean quick) {

        static final String USAGE = "usage: RecommenderEvaluationHarness <ratings-file> [--seed N] [--k 10] [--quick]"
                + "\n  <ratings-file>: tab-separated 'user item rating timestamp' (MovieLens u.data) or a CSV with a"
                + " header naming userId,movieId,rating,timestamp (or user,item,rating,timestamp)";

        public static Options parse(String[] args) {
            Path ratings = null;
            long seed = DEFAULT_SEED;
            int k = DEFAULT_K;
            boolean quick = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                    case "--k" -> k = Integer.parseInt(value(args, ++i, a));
                    case "--quick" -> quick = true;
                    default -> {
                        if (a.startsWith("--") || ratings != null) {
                            throw new IllegalArgumentException("unexpected argument '" + a + "'");
                        }
                        ratings = Path.of(a);
                    }
                }
            }
            if (ratings == null) {
                throw new IllegalArgumentException("missing <ratings-file>");
            }
            if (k < 1) {
                throw new IllegalArgumentException("--k must be at least 1: " + k);
            }
            return new Options(ratings, seed, k, quick);
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }
    }

    /** Item titles, content text and categories read from a MovieLens {@code u.item} or {@code movies.csv}, by item id. */
    public record Catalog(Path source, Map<String, String> titles, Map<String, String> text,
            Map<String, String> categories) {
    }

    /** The log as interactions, plus the optional catalog; {@code fileOrder} is the ratings in file order. */
    public record Dataset(Path ratings, RatingsFile.Format format, int ratingCount, Interactions interactions,
            Catalog catalog, List<RatingsFile.Rating> fileOrder) {
    }

    /**
     * Everything a run measured on the test split. {@code bpr} is null under {@code --quick} and {@code content} null
     * without a catalog; {@code results} holds the rows that ran, in print order. {@code ratingPrediction} is the
     * separate explicit-rating section (its own u1..u5 protocol, see {@link RatingPredictionReport}).
     */
    public record Report(Split split, Result popularity, Result itemKnn, Result userKnn, Result als, Result alsFoldIn,
            Result bpr, Result content, Result hybrid, List<Result> results, ItemKnn.Config itemKnnConfig,
            UserKnn.Config userKnnConfig, ImplicitAls.Config alsConfig, String blend,
            RatingPredictionReport.Result ratingPrediction) {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        System.out.println("machine: " + Machine.describe());
        run(options, System.out);
    }

    /** Loads {@code options.ratings()} and runs the protocol on it, printing to {@code out}. */
    public static Report run(Options options, PrintStream out) {
        long start = System.nanoTime();
        Dataset data = load(options.ratings());
        out.printf(Locale.ROOT, "data: %s (%s, %d ratings as %d cells, %d users, %d items) loaded in %d ms%n",
                data.ratings(), data.format(), data.ratingCount(), data.interactions().size(),
                data.interactions().userCount(), data.interactions().itemCount(), (System.nanoTime() - start) / 1_000_000);
        Report report = run(data, options, out);
        out.printf(Locale.ROOT, "total %d ms%n", (System.nanoTime() - start) / 1_000_000);
        return report;
    }

    /**
     * Reads the log, sorted by {@link RatingsFile#TIME_ORDER} so indexes follow first appearance in time, every rating
     * an interaction of weight 1 (what the reference does); with a sibling {@code u.item} (or {@code movies.csv}), its
     * items are registered first in file order so that the catalog includes unrated movies.
     */
    public static Dataset load(Path ratingsFile) {
        List<RatingsFile.Rating> fileOrder = RatingsFile.read(ratingsFile);
        List<RatingsFile.Rating> ratings = new ArrayList<>(fileOrder);
        ratings.sort(RatingsFile.TIME_ORDER);
        Path itemFile = ratingsFile.toAbsolutePath().resolveSibling("u.item");
        Path moviesCsv = ratingsFile.toAbsolutePath().resolveSibling("movies.csv");
        Catalog catalog = Files.isRegularFile(itemFile) ? movieLensItems(itemFile)
                : Files.isRegularFile(moviesCsv) ? movieLensMovies(moviesCsv) : null;
        InteractionsBuilder b = Interactions.builder();
        if (catalog != null) {
            catalog.titles().keySet().forEach(b::item);
        }
        ratings.forEach(r -> b.add(r.event(1)));
        return new Dataset(ratingsFile, RatingsFile.format(ratingsFile), ratings.size(), b.build(), catalog,
                List.copyOf(fileOrder));
    }

    /**
     * Protocol: every rating is an implicit interaction of weight 1; per-user stratified random 75/25 split, seed
     * {@code options.seed()}; top-k over the items not in the user's train row; relevance = in the user's test row.
     * Every hyperparameter and blend weight is chosen on a validation split carved out of train (the train part split
     * 75/25 again, seed + 1), so the test split is scored once per final model and its figures are honest.
     */
    public static Report run(Dataset data, Options options, PrintStream out) {
        long seed = options.seed();
        int k = options.k();
        Interactions all = data.interactions();
        Catalog catalog = data.catalog();
        IntFunction<String> text = catalog == null ? null : i -> catalog.text().getOrDefault(all.itemId(i), "");
        Split split = Evaluation.stratifiedSplit(all, 0.75, seed);
        Split validation = Evaluation.stratifiedSplit(split.train(), 0.75, seed + 1);
        out.println("protocol: " + Evaluation.protocol(split, k));
        out.println("  hyperparameters chosen on validation: " + Evaluation.protocol(validation, k)
                .replace("per-user", "the train part split again per user"));
        out.println("  reference (Microsoft Recommenders, same protocol, MovieLens-100K only): BiVAE nDCG@10 0.475 / "
                + "P@10 0.412 / R@10 0.219; BPR 0.442 / 0.388 / 0.213; LightGCN 0.420; NCF 0.396; "
                + "SAR 0.382 / 0.331 / 0.176");
        out.println(catalog == null
                ? "  content model: skipped (no u.item next to the ratings file, so no item text)"
                : "  content model: TF-IDF over title and genres from " + catalog.source());
        if (options.quick()) {
            out.println("  --quick: BPR skipped; rating prediction on u1 only");
        }

        // Selection on validation; the fitted validation models are kept for the blend search.
        // Ranges wide enough for a sparser or denser log than MovieLens (a choice at a range's end is flagged).
        Selected<ItemKnn> itemKnn = select(validation, k, "ItemKnn", List.of(Similarity.COSINE, Similarity.JACCARD,
                Similarity.LIFT).stream().flatMap(s -> ITEM_NEIGHBOURS.stream()
                        .map(n -> (Function<Interactions, ItemKnn>) t -> ItemKnn.fit(t, ItemKnn.Config.of(s, n))))
                .toList(), m -> m.config().toString(), m -> (double) m.config().neighbours(), out);
        Selected<UserKnn> userKnn = select(validation, k, "UserKnn", USER_NEIGHBOURS.stream()
                .flatMap(n -> List.of(1.0, 2.0).stream()
                        .map(e -> (Function<Interactions, UserKnn>) t -> UserKnn.fit(t, new UserKnn.Config(n, e))))
                .toList(), m -> m.config().toString(), m -> (double) m.config().neighbours(), out);
        // λ over a log range first, then α at that λ: coordinate search keeps it to nine fits.
        Selected<ImplicitAls> alsLambda = select(validation, k, "ALS λ", ALS_LAMBDAS.stream()
                .map(l -> (Function<Interactions, ImplicitAls>) t -> ImplicitAls.fit(t, new ImplicitAls.Config(
                        ALS.factors(), ALS.iterations(), ALS.alpha(), l, ALS.cgSteps(), seed))).toList(),
                m -> m.config().toString(), m -> m.config().regularization(), out);
        double lambda = alsLambda.model().config().regularization();
        Selected<ImplicitAls> als = select(validation, k, "ALS α", ALS_ALPHAS.stream()
                .map(a -> (Function<Interactions, ImplicitAls>) t -> ImplicitAls.fit(t, new ImplicitAls.Config(
                        ALS.factors(), ALS.iterations(), a, lambda, ALS.cgSteps(), seed))).toList(),
                m -> m.config().toString(), m -> m.config().alpha(), out);
        List<String> names = new ArrayList<>(List.of("ItemKnn", "UserKnn", "ALS"));
        List<Scorer> components = new ArrayList<>(List.of(itemKnn.model(), userKnn.model(), als.model()));
        if (text != null) {
            names.add("Content");
            components.add(ContentModel.fit(validation.train(), text));
        }
        BlendSearch.Result blend = BlendSearch.search(names, components, validation,
                BlendSearch.simplex(names.size(), 10), k);
        double[] w = blend.best().weights();
        String blendDescription = blend.best().describe(blend.names());
        out.println("  blend weights (validation nDCG@" + k + " " + fmt(blend.best().metrics().ndcg()) + " over "
                + blend.all().size() + " simplex points): " + blendDescription);

        // The test split, once per final model.
        ItemKnn.Config itemCfg = itemKnn.model().config();
        UserKnn.Config userCfg = userKnn.model().config();
        ImplicitAls.Config alsCfg = als.model().config();
        Bpr.Config bprCfg = new Bpr.Config(BPR.factors(), BPR.epochs(), BPR.learningRate(), BPR.regularization(), seed);
        Result popularity = Evaluation.evaluate(Popularity.recommender(Popularity.Config.COUNTS), split, k);
        Result item = Evaluation.evaluate(ItemKnn.recommender(itemCfg), split, k);
        Result user = Evaluation.evaluate(UserKnn.recommender(userCfg), split, k);
        Result mf = Evaluation.evaluate(ImplicitAls.recommender(alsCfg), split, k);
        Result bpr = options.quick() ? null : Evaluation.evaluate(Bpr.recommender(bprCfg), split, k);
        Result content = text == null ? null : Evaluation.evaluate(ContentModel.recommender(text), split, k);
        Result hybrid = Evaluation.evaluate(Recommender.of("Hybrid(" + blendDescription + ")",
                train -> hybrid(train, w, itemCfg, userCfg, alsCfg, text, false).build()), split, k);
        // Real-time path: every test user's vector folded in from their train row against the frozen item factors.
        ImplicitAls fitted = ImplicitAls.fit(split.train(), alsCfg);
        long t0 = System.nanoTime();
        Evaluation.Metrics foldIn = Evaluation.metrics(split, k,
                (u, o) -> fitted.score(fitted.foldIn(split.train().history(u)), o));
        Result alsFoldIn = new Result("ALS fold-in (user vectors recomputed from history, items frozen)", foldIn, 0,
                (System.nanoTime() - t0) / 1_000_000);

        List<Result> results = new ArrayList<>(List.of(popularity, item, user, mf, alsFoldIn));
        if (bpr != null) {
            results.add(bpr);
        }
        if (content != null) {
            results.add(content);
        }
        results.add(hybrid);
        results.forEach(r -> out.println(r.line()));
        out.println("chosen hyperparameters (validation nDCG@" + k + "): ItemKnn " + itemCfg + "; UserKnn " + userCfg
                + "; ALS " + alsCfg + " (k, iterations, CG steps fixed from the MovieLens-100K grid, λ then α re-chosen)"
                + (bpr == null ? "" : "; BPR " + bprCfg + " (fixed from the MovieLens-100K grid)") + "; blend "
                + blendDescription);
        if (catalog != null) {
            out.println(example(split.train(), catalog, w, itemCfg, userCfg, alsCfg, text));
        }
        RatingPredictionReport.Result ratings = RatingPredictionReport.run(data.fileOrder(), seed, options.quick(),
                out);
        return new Report(split, popularity, item, user, mf, alsFoldIn, bpr, content, hybrid, List.copyOf(results),
                itemCfg, userCfg, alsCfg, blendDescription, ratings);
    }

    private static HybridRecommender.Builder hybrid(Interactions train, double[] w, ItemKnn.Config itemCfg,
            UserKnn.Config userCfg, ImplicitAls.Config alsCfg, IntFunction<String> text, boolean showContent) {
        HybridRecommender.Builder b = HybridRecommender.builder(train)
                .itemKnn(ItemKnn.fit(train, itemCfg), w[0])
                .userKnn(UserKnn.fit(train, userCfg), w[1])
                .matrixFactorization(ImplicitAls.fit(train, alsCfg), w[2]);
        if (text != null) {
            b.content(ContentModel.fit(train, text), showContent ? Math.max(w[3], 0.05) : w[3]);
        }
        return b;
    }

    /** A model fitted on the validation train part, chosen by validation nDCG@k. */
    record Selected<M extends Scorer>(M model, double ndcg) {
    }

    private static <M extends Scorer> Selected<M> select(Split validation, int k, String name,
            List<Function<Interactions, M>> candidates, Function<M, String> describe, Function<M, Double> ranged, PrintStream out) {
        List<Selected<M>> tried = new ArrayList<>();
        for (Function<Interactions, M> c : candidates) {
            M m = c.apply(validation.train());
            tried.add(new Selected<>(m, Evaluation.metrics(m, validation, k).ndcg()));
        }
        Selected<M> best = tried.stream().max(Comparator.comparingDouble(Selected::ndcg)).orElseThrow();
        StringBuilder sb = new StringBuilder("  " + name + " on validation (nDCG@" + k + "):");
        tried.forEach(s -> sb.append(' ').append(describe.apply(s.model())).append(' ').append(fmt(s.ndcg()))
                .append(';'));
        sb.append(" chosen ").append(describe.apply(best.model()));
        double lo = tried.stream().mapToDouble(t -> ranged.apply(t.model())).min().orElseThrow();
        double hi = tried.stream().mapToDouble(t -> ranged.apply(t.model())).max().orElseThrow();
        double v = ranged.apply(best.model());
        if (lo < hi && (v == lo || v == hi)) {
            // The best may lie beyond the range: say so rather than quote a figure that a wider range would beat.
            sb.append(" (AT THE ").append(v == lo ? "LOW" : "HIGH").append(" END OF ITS RANGE: widen it for this data)");
        }
        out.println(sb);
        return best;
    }

    /** A user's hybrid top 5 with reasons, and a new user's category-filtered top 3, to show explanations on titles. */
    private static String example(Interactions train, Catalog catalog, double[] w, ItemKnn.Config itemCfg,
            UserKnn.Config userCfg, ImplicitAls.Config alsCfg, IntFunction<String> text) {
        HybridRecommender h = hybrid(train, w, itemCfg, userCfg, alsCfg, text, true)
                .categories(id -> catalog.categories().getOrDefault(id, "unknown"))
                .labels(id -> catalog.titles().getOrDefault(id, id))
                .verb("watched")
                .build();
        String exampleUser = train.userIndex("1") >= 0 ? "1" : train.userId(0);
        StringBuilder sb = new StringBuilder("  example, user " + exampleUser + ", hybrid top 5:");
        for (Recommendation r : h.recommend(exampleUser, RecommendationRequest.top(5))) {
            sb.append(String.format(Locale.ROOT, "%n    %-45s %.3f %-20s %s", label(catalog, r), r.score(),
                    r.source(), r.reason()));
        }
        String category = catalog.categories().containsValue("horror") ? "horror" : mostCommon(catalog.categories());
        sb.append("\n  example, new user, category filter '").append(category).append("':");
        for (Recommendation r : h.recommend("nobody", RecommendationRequest.top(3).inCategory(category))) {
            sb.append(String.format(Locale.ROOT, "%n    %-45s %s", label(catalog, r), r.reason()));
        }
        return sb.toString();
    }

    private static String label(Catalog catalog, Recommendation r) {
        return catalog.titles().getOrDefault(r.itemId(), r.itemId());
    }

    private static String mostCommon(Map<String, String> categories) {
        Map<String, Integer> counts = new HashMap<>();
        categories.values().forEach(c -> counts.merge(c, 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("unknown");
    }

    /** The 19 genre flags of MovieLens-100K u.item, in file order. */
    static final List<String> GENRES = List.of("unknown", "Action", "Adventure", "Animation", "Children's", "Comedy",
            "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance",
            "Sci-Fi", "Thriller", "War", "Western");

    /** u.item: {@code id|title|release date|video date|url|19 genre flags}, Latin-1. */
    static Catalog movieLensItems(Path file) {
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, String> text = new HashMap<>();
        Map<String, String> categories = new HashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            if (f.length < 5 + GENRES.size()) {
                throw new IllegalArgumentException(file + ":" + (n + 1) + ": malformed u.item line, expected "
                        + (5 + GENRES.size()) + " '|'-separated fields: '" + line + "'");
            }
            List<String> genres = new ArrayList<>();
            for (int g = 0; g < GENRES.size(); g++) {
                if ("1".equals(f[5 + g].trim())) {
                    genres.add(GENRES.get(g));
                }
            }
            String id = f[0].trim();
            String title = f[1].trim();
            titles.put(id, title);
            text.put(id, title + " " + String.join(" ", genres));
            categories.put(id, (genres.isEmpty() ? GENRES.getFirst() : genres.getFirst()).toLowerCase(Locale.ROOT));
        }
        return new Catalog(file, titles, text, categories);
    }

    /**
     * MovieLens "latest" {@code movies.csv}: {@code movieId,title,genres} with a header, genres '|'-separated or
     * {@code (no genres listed)}, UTF-8. Titles such as {@code "Deer Hunter, The (1978)"} are quoted, so it is read as
     * RFC 4180 CSV (Commons CSV), columns by header name.
     */
    static Catalog movieLensMovies(Path file) {
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, String> text = new HashMap<>();
        Map<String, String> categories = new HashMap<>();
        // Blank lines come back as records so that the parser's line count gives each record's first line.
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(false)
                .setTrim(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser csv = format.parse(in)) {
            for (String column : List.of("movieId", "title", "genres")) {
                if (!csv.getHeaderMap().containsKey(column)) {
                    throw new IllegalArgumentException(file + ":1: movies.csv header " + csv.getHeaderNames()
                            + " has no " + column + " column; expected movieId,title,genres");
                }
            }
            long consumed = csv.getCurrentLineNumber();
            for (CSVRecord r : csv) {
                long line = consumed + 1;
                consumed = csv.getCurrentLineNumber();
                if (r.size() == 1 && r.get(0).isBlank()) {
                    continue;
                }
                if (!r.isConsistent()) {
                    throw new IllegalArgumentException(file + ":" + line + ": malformed movies.csv record, expected "
                            + csv.getHeaderNames().size() + " fields, got " + r.size() + ": " + r.toList());
                }
                List<String> genres = new ArrayList<>();
                for (String g : r.get("genres").split("\\|")) {
                    if (!g.isBlank() && !g.equals("(no genres listed)")) {
                        genres.add(g.trim());
                    }
                }
                String id = r.get("movieId");
                String title = r.get("title");
                titles.put(id, title);
                text.put(id, title + " " + String.join(" ", genres));
                categories.put(id, (genres.isEmpty() ? GENRES.getFirst() : genres.getFirst()).toLowerCase(Locale.ROOT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (UncheckedIOException e) {
            // Commons CSV reports an unterminated quote this way, its message naming the line.
            throw new IllegalArgumentException(file + ": malformed movies.csv (" + e.getCause().getMessage() + ")", e);
        }
        return new Catalog(file, titles, text, categories);
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.3f", x);
    }
}
