package io.quanyu.recommender.domain;

import io.quanyu.recommender.domain.TextTokenizer.Chinese;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Whether jieba earns its dictionary: the online-shopping reviews ({@code cat,label,review}, 10 product categories) as
 * a catalog for {@link ContentModel}, once per Han segmentation, scored by how well the TF-IDF vectors recover the
 * category. Protocol: the reviews shuffled with a fixed seed, the first n kept, the first 80 % of those "train" and
 * the rest "test"; vocabulary and idf come from all n texts (no labels involved). Three measures on the test reviews:
 * nearest centroid (the cosine to each category's normalised sum of train vectors, which is how a user profile
 * scores items), 1-NN accuracy and same-category precision of the 10 most similar train reviews (how "similar items"
 * works). Run on more of the corpus with
 *
 * <pre>
 * java -cp &lt;test classpath&gt; io.quanyu.recommender.domain.ChineseSegmentationComparison [reviews.csv] [--n 20000] [--seed 42]
 * </pre>
 */
final class ChineseSegmentationComparison {

    /** One review and its product category. */
    record Review(String category, String text) {
    }

    /** What one tokenizer scored on the test part. */
    record Scores(String tokenizer, int train, int test, double centroidAccuracy, double nearestNeighbourAccuracy,
            double precisionAt10, int vocabulary, double microsPerText) {

        String line() {
            return String.format(Locale.ROOT,
                    "%-24s centroid %.4f  1-NN %.4f  P@10 %.4f  vocabulary %,7d  %.1f µs/text", tokenizer,
                    centroidAccuracy, nearestNeighbourAccuracy, precisionAt10, vocabulary, microsPerText);
        }
    }

    static final Path DEFAULT_FILE = Path.of(System.getProperty("quanyu.data.dir", "/work/shared/data"))
            .resolve("online-shopping-zh").resolve("reviews.csv");

    private ChineseSegmentationComparison() {
    }

    public static void main(String[] args) {
        Path file = DEFAULT_FILE;
        int n = 20_000;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--n" -> n = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> file = Path.of(args[i]);
            }
        }
        long t0 = System.nanoTime();
        TextTokenizer.tokens("蓝牙耳机");
        System.out.printf(Locale.ROOT, "jieba dictionary loaded by the first Chinese text in %d ms%n",
                (System.nanoTime() - t0) / 1_000_000);
        List<Review> sample = sample(read(file), n, seed);
        System.out.printf(Locale.ROOT, "%s: %d reviews, seed %d, 80/20 split%n", file, sample.size(), seed);
        for (Scores s : compare(sample)) {
            System.out.println(s.line());
        }
    }

    /** Jieba (what the content model uses) against the dictionary-free bigrams, on the same sample. */
    static List<Scores> compare(List<Review> sample) {
        return List.of(evaluate("jieba + characters", sample, t -> TextTokenizer.tokens(t, Chinese.JIEBA)),
                evaluate("character bigrams", sample, t -> TextTokenizer.tokens(t, Chinese.BIGRAMS)));
    }

    /**
     * {@code cat,label,review} with a header, read as RFC 4180 CSV (Commons CSV): a review holding commas is quoted,
     * and the quotes are not part of its text. Records without a review are skipped.
     */
    static List<Review> read(Path file) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        List<Review> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser csv = format.parse(in)) {
            for (CSVRecord r : csv) {
                if (r.isSet("cat") && r.isSet("review")) {
                    out.add(new Review(r.get("cat"), r.get("review")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    static List<Review> sample(List<Review> all, int n, long seed) {
        List<Review> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(seed));
        return List.copyOf(shuffled.subList(0, Math.min(n, shuffled.size())));
    }

    static Scores evaluate(String name, List<Review> sample, Function<String, List<String>> tokenizer) {
        int n = sample.size();
        int cut = n * 4 / 5;
        // Timed after a warm-up pass so that the first tokenizer measured does not pay for JIT compilation.
        sample.subList(0, Math.min(500, n)).forEach(r -> tokenizer.apply(r.text()));
        long t0 = System.nanoTime();
        sample.forEach(r -> tokenizer.apply(r.text()));
        double micros = (System.nanoTime() - t0) / 1e3 / n;

        InteractionsBuilder b = Interactions.builder();
        for (int i = 0; i < n; i++) {
            b.item("r" + i); // registered in sample order, so item index i is review i
        }
        ContentModel model = ContentModel.fit(b.user("nobody").build(), i -> sample.get(i).text(), tokenizer);

        Map<String, List<Integer>> byCategory = new TreeMap<>();
        for (int i = 0; i < cut; i++) {
            byCategory.computeIfAbsent(sample.get(i).category(), c -> new ArrayList<>()).add(i);
        }
        List<String> categories = List.copyOf(byCategory.keySet());
        double[][] centroidScores = new double[categories.size()][n];
        for (int c = 0; c < categories.size(); c++) {
            int[] items = byCategory.get(categories.get(c)).stream().mapToInt(Integer::intValue).toArray();
            double[] ones = new double[items.length];
            Arrays.fill(ones, 1);
            model.score(model.profile(History.of(items, ones)), centroidScores[c]);
        }

        int centroidHits = 0;
        int nnHits = 0;
        int neighbourHits = 0;
        double[] s = new double[n];
        for (int t = cut; t < n; t++) {
            String truth = sample.get(t).category();
            int best = 0;
            for (int c = 1; c < categories.size(); c++) {
                if (centroidScores[c][t] > centroidScores[best][t]) {
                    best = c;
                }
            }
            centroidHits += categories.get(best).equals(truth) ? 1 : 0;
            model.score(model.profile(History.of(new int[] {t}, new double[] {1})), s);
            List<ScoredItem> neighbours = TopN.of(s, 10, i -> i >= cut);
            if (!neighbours.isEmpty() && sample.get(neighbours.getFirst().item()).category().equals(truth)) {
                nnHits++;
            }
            for (ScoredItem x : neighbours) {
                neighbourHits += sample.get(x.item()).category().equals(truth) ? 1 : 0;
            }
        }
        int test = n - cut;
        return new Scores(name, cut, test, centroidHits / (double) test, nnHits / (double) test,
                neighbourHits / (10.0 * test), model.vocabularySize(), micros);
    }
}
