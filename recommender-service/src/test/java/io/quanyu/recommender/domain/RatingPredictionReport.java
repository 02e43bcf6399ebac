package io.quanyu.recommender.domain;

import io.quanyu.recommender.domain.RatingEvaluation.Errors;
import io.quanyu.recommender.domain.RatingEvaluation.Split;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The rating-prediction section of {@link RecommenderEvaluationHarness}: RMSE and MAE of each {@link RatingPredictor}
 * on MovieLens' u1 split and over the five u folds, every hyperparameter chosen per fold on a random 20 % of that
 * fold's train part. Works on any log {@link RatingsFile} reads, since the folds are cut by line position.
 */
final class RatingPredictionReport {

    static final int FOLDS = 5;
    static final double VALIDATION_SHARE = 0.2;

    /** Baseline grid, around Surprise's λu = 15, λi = 10, which MovieLens-100K validation found too strong. */
    static final List<Double> BASELINE_USER_REG = List.of(2.0, 5.0, 10.0, 15.0);
    static final List<Double> BASELINE_ITEM_REG = List.of(0.5, 1.0, 2.0, 5.0, 10.0);

    /**
     * MF: explored on the MovieLens-100K u1 validation split (never a test split): k {20, 50, 100}, lr {0.005, 0.01,
     * 0.02}, λ {0.02 … 0.2}, λb {0.02, 0.1}, up to 80 epochs. Validation RMSE was flat in k from 50 and in λb
     * (±0.001), worst at Surprise's λ = 0.02 (0.944) and best at λ 0.1–0.15 (0.920–0.921), where lr 0.01 converges
     * within 60 epochs. So k, lr and λb are fixed here, and λ and the number of epochs are chosen per fold, the epochs
     * from the validation curve of one run per λ, stopped at 60 epochs or once the validation error has not improved
     * for {@link #MF_PATIENCE} epochs.
     */
    static final List<Double> MF_REG = List.of(0.05, 0.1, 0.15);
    static final int MF_FACTORS = 100;
    static final int MF_MAX_EPOCHS = 60;
    static final double MF_LEARNING_RATE = 0.01;
    static final double MF_BIAS_REG = 0.02;
    static final int MF_PATIENCE = 8;

    /**
     * kNN-baseline: shrinkage mattered little on MovieLens-100K validation (0.9294–0.9308 for 50–200) and k = 40–80
     * was best; keeping each item's 1,000 strongest neighbours matched keeping all of them (300: +0.0005, 100: +0.007).
     */
    static final List<Double> KNN_SHRINKAGE = List.of(100.0, 200.0, 400.0);
    static final List<Integer> KNN_NEIGHBOURS = List.of(20, 40, 80);
    static final int KNN_KEEP = 1_000;

    /** Hyperparameters chosen on one fold's validation split, with the validation RMSE each reached. */
    record Chosen(BaselinePredictor.Config baseline, double baselineRmse, BiasedMf.Config mf, double mfRmse,
            ItemKnnBaseline.Config knn, double knnRmse) {

        String describe() {
            return String.format(Locale.ROOT, "Baseline %s (%.4f); BiasedMF %s (%.4f); ItemKnnBaseline k=%d "
                    + "shrinkage=%.0f (%.4f)", baseline, baselineRmse, mf, mfRmse, knn.neighbours(), knn.shrinkage(),
                    knnRmse);
        }
    }

    /** One model's errors: on u1, and per fold (u1 first) when all folds ran. */
    record Row(String model, Errors u1, List<Errors> folds, long u1FitMillis) {

        double meanRmse() {
            return folds.stream().mapToDouble(Errors::rmse).average().orElse(Double.NaN);
        }

        double meanMae() {
            return folds.stream().mapToDouble(Errors::mae).average().orElse(Double.NaN);
        }

        double sdRmse() {
            double m = meanRmse();
            return Math.sqrt(folds.stream().mapToDouble(e -> (e.rmse() - m) * (e.rmse() - m)).sum()
                    / Math.max(1, folds.size() - 1));
        }
    }

    /** Rows in print order: global mean, baseline, MF, kNN-baseline; {@code chosen} per fold that ran, u1 first. */
    record Result(List<Row> rows, List<Chosen> chosen) {

        Row row(String model) {
            return rows.stream().filter(r -> r.model().equals(model)).findFirst().orElseThrow();
        }
    }

    static final String GLOBAL_MEAN = "GlobalMean";
    static final String BASELINE = "Baseline";
    static final String MF = "BiasedMF";
    static final String KNN = "ItemKnnBaseline";

    private RatingPredictionReport() {
    }

    /** Just this section: {@code RatingPredictionReport <ratings-file> [--seed N] [--quick]}. */
    public static void main(String[] args) {
        RecommenderEvaluationHarness.Options o = RecommenderEvaluationHarness.Options.parse(args);
        long t0 = System.nanoTime();
        run(RatingsFile.read(o.ratings()), o.seed(), o.quick(), System.out);
        System.out.printf(Locale.ROOT, "total %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    /** Prints the section; {@code quick} runs u1 only. */
    static Result run(List<RatingsFile.Rating> fileOrder, long seed, boolean quick, PrintStream out) {
        int n = fileOrder.size();
        out.printf(Locale.ROOT, "rating prediction: MovieLens u1..u%d protocol (mku.sh): fold f tests on the f-th "
                + "fifth of the file's lines in file order (u1 = the first %,d of %,d lines), trains on the rest; "
                + "hyperparameters chosen per fold on a random %.0f %% of its train part (seed %d), never on its test "
                + "part%n", FOLDS, RatingEvaluation.fold(fileOrder, FOLDS, 0).test().size(), n,
                VALIDATION_SHARE * 100, seed);
        out.println("  reference (Surprise, 5-fold CV, MovieLens-100K only): SVD RMSE 0.934, KNNBaseline 0.931, "
                + "BaselineOnly 0.944, random 1.514");
        int folds = quick ? 1 : FOLDS;
        Map<String, List<Errors>> errors = new LinkedHashMap<>();
        Map<String, Long> u1Fit = new LinkedHashMap<>();
        List<Chosen> chosen = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            Split split = RatingEvaluation.fold(fileOrder, FOLDS, f);
            Chosen c = select(split.train(), seed);
            chosen.add(c);
            out.println("  u" + (f + 1) + " chosen on validation (validation RMSE): " + c.describe());
            RatingTriples train = RatingTriples.of(split.train());
            for (Map.Entry<String, Function<RatingTriples, RatingPredictor>> m : models(c).entrySet()) {
                long t0 = System.nanoTime();
                RatingPredictor p = m.getValue().apply(train);
                long fit = (System.nanoTime() - t0) / 1_000_000;
                Errors e = RatingEvaluation.errors(p, split.test());
                errors.computeIfAbsent(m.getKey(), k -> new ArrayList<>()).add(e);
                if (f == 0) {
                    u1Fit.put(m.getKey(), fit);
                }
            }
            if (f == 0) {
                Errors any = errors.get(GLOBAL_MEAN).getFirst();
                out.printf(Locale.ROOT, "  u1 test: %,d ratings, %,d by users and %,d of items absent from u1 train "
                        + "(answered from biases)%n", any.count(), any.unknownUsers(), any.unknownItems());
                if (any.unknownUsers() > any.count() / 2) {
                    out.println("  note: most u1 test users are absent from train, so the file is probably sorted by"
                            + " user and u1 measures cold-start fallback, not warm prediction");
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        errors.forEach((model, es) -> rows.add(new Row(model, es.getFirst(), folds == FOLDS ? List.copyOf(es)
                : List.of(), u1Fit.get(model))));
        out.printf(Locale.ROOT, "  %-16s %8s %8s %12s %7s %11s %10s%n", "model", "u1 RMSE", "u1 MAE",
                FOLDS + "-fold RMSE", "± sd", FOLDS + "-fold MAE", "u1 fit ms");
        for (Row r : rows) {
            String cv = r.folds().isEmpty() ? String.format(Locale.ROOT, "%12s %7s %11s", "-", "-", "-")
                    : String.format(Locale.ROOT, "%12.4f %7.4f %11.4f", r.meanRmse(), r.sdRmse(), r.meanMae());
            out.printf(Locale.ROOT, "  %-16s %8.4f %8.4f %s %10d%n", r.model(), r.u1().rmse(), r.u1().mae(), cv,
                    r.u1FitMillis());
        }
        if (quick) {
            out.println("  --quick: folds u2..u" + FOLDS + " skipped");
        }
        return new Result(List.copyOf(rows), List.copyOf(chosen));
    }

    /** The final models of one fold, fitted on its whole train part with the chosen hyperparameters. */
    static Map<String, Function<RatingTriples, RatingPredictor>> models(Chosen c) {
        Map<String, Function<RatingTriples, RatingPredictor>> m = new LinkedHashMap<>();
        m.put(GLOBAL_MEAN, RatingPredictor::globalMean);
        m.put(BASELINE, t -> BaselinePredictor.fit(t, c.baseline()));
        m.put(MF, t -> BiasedMf.fit(t, c.mf()));
        m.put(KNN, t -> ItemKnnBaseline.fit(t, c.knn()));
        return m;
    }

    /** Every grid on a random {@link #VALIDATION_SHARE} of {@code train}; nothing here sees a test rating. */
    static Chosen select(List<RatingsFile.Rating> train, long seed) {
        Split validation = RatingEvaluation.holdout(train, VALIDATION_SHARE, seed);
        RatingTriples fit = RatingTriples.of(validation.train());
        RatingEvaluation.Indexed held = RatingEvaluation.index(fit, validation.test());

        BaselinePredictor.Config baseline = null;
        double baselineRmse = Double.POSITIVE_INFINITY;
        for (double lu : BASELINE_USER_REG) {
            for (double li : BASELINE_ITEM_REG) {
                BaselinePredictor.Config c = new BaselinePredictor.Config(lu, li, 10);
                double rmse = RatingEvaluation.errors(BaselinePredictor.fit(fit, c), held).rmse();
                if (rmse < baselineRmse) {
                    baseline = c;
                    baselineRmse = rmse;
                }
            }
        }

        BiasedMf.Config mf = null;
        double[] mfRmse = {Double.POSITIVE_INFINITY};
        for (double reg : MF_REG) {
            BiasedMf.Config c = new BiasedMf.Config(MF_FACTORS, MF_MAX_EPOCHS, MF_LEARNING_RATE, reg, MF_BIAS_REG,
                    seed);
            double[] best = {Double.POSITIVE_INFINITY, 0};
            // Training is deterministic, so refitting with the best epoch count reproduces that point of the curve.
            BiasedMf.fit(fit, c, (epoch, model) -> {
                double rmse = RatingEvaluation.errors(model, held).rmse();
                if (rmse < best[0]) {
                    best[0] = rmse;
                    best[1] = epoch;
                }
                return epoch - best[1] < MF_PATIENCE;
            });
            if (best[0] < mfRmse[0]) {
                mf = c.withEpochs((int) best[1]);
                mfRmse[0] = best[0];
            }
        }

        ItemKnnBaseline.Config knn = null;
        double knnRmse = Double.POSITIVE_INFINITY;
        for (double shrinkage : KNN_SHRINKAGE) {
            ItemKnnBaseline model = ItemKnnBaseline.fit(fit, new ItemKnnBaseline.Config(KNN_NEIGHBOURS.getFirst(),
                    shrinkage, KNN_KEEP, baseline));
            for (int k : KNN_NEIGHBOURS) {
                ItemKnnBaseline m = model.withNeighbours(k);
                double rmse = RatingEvaluation.errors(m, held).rmse();
                if (rmse < knnRmse) {
                    knn = m.config();
                    knnRmse = rmse;
                }
            }
        }
        return new Chosen(baseline, baselineRmse, mf, mfRmse[0], knn, knnRmse);
    }
}
