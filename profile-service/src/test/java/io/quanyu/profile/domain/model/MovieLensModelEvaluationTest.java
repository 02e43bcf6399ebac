package io.quanyu.profile.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quanyu.testkit.replay.MovieLensData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The models on real behaviour: MovieLens-100K ratings replayed as views, reviews and purchases, evaluated on a later
 * month than the one they were trained on.
 */
class MovieLensModelEvaluationTest {

    /**
     * The log runs 1997-09-20 to 1998-04-22. The test window is the last full 30 days; training labels are the 30 days
     * before the test cutoff, so they end exactly where test features begin. Earlier month pairs gave the same picture.
     */
    static final Instant TRAIN_CUTOFF = Instant.parse("1998-02-20T00:00:00Z");
    static final Instant TEST_CUTOFF = Instant.parse("1998-03-22T00:00:00Z");
    static final Duration HORIZON = Duration.ofDays(30);

    static List<CustomerHistory> histories;

    @BeforeAll
    static void load() {
        Path dir = Path.of(System.getProperty("quanyu.data.dir", "/work/shared/data"));
        assumeTrue(Files.isRegularFile(dir.resolve(MovieLensData.DIR_NAME).resolve("u.data")), "no MovieLens data");
        histories = toHistories(MovieLensData.load(dir));
    }

    /** As the project's replay does: view at t, review at t+30 s, purchase at t+60 s for ratings of 4 and 5. */
    static List<CustomerHistory> toHistories(MovieLensData data) {
        Map<Integer, List<Activity>> byUser = new TreeMap<>();
        for (MovieLensData.Rating r : data.ratings()) {
            MovieLensData.Movie m = data.movie(r.itemId());
            Instant t = Instant.ofEpochSecond(r.epochSecond());
            List<Activity> acts = byUser.computeIfAbsent(r.userId(), u -> new ArrayList<>());
            acts.add(new Activity(t, Activity.PRODUCT_VIEW, null, m.category()));
            acts.add(new Activity(t.plusSeconds(30), Activity.REVIEW, null, m.category()));
            if (r.rating() >= 4) {
                acts.add(new Activity(t.plusSeconds(60), Activity.PURCHASE, m.price(), m.category()));
            }
        }
        List<CustomerHistory> out = new ArrayList<>();
        byUser.forEach((uid, acts) -> out.add(new CustomerHistory("u:ml-" + uid, acts)));
        return out;
    }

    @Test
    void modelsBeatTheirBaselinesOnALaterMonth() {
        Map<Target, Evaluation.Report> reports = Evaluation.evaluate(histories, TRAIN_CUTOFF, TEST_CUTOFF, HORIZON);
        System.out.println("MovieLens-100K protocol: features at cutoff (inclusive), labels in (cutoff, cutoff + "
                + HORIZON.toDays() + "d]; train cutoff " + TRAIN_CUTOFF + ", test cutoff " + TEST_CUTOFF
                + "; churn scores only customers active in the " + HORIZON.toDays() + "d before the cutoff");
        for (Evaluation.Report r : reports.values()) {
            System.out.println(r.format());
            System.out.println("  model beats baseline on AUC: " + r.modelBeatsBaseline() + "; " + r.trained());

            // The two label windows are disjoint and in time order.
            assertThat(r.trainCutoff().plus(r.horizon())).isBeforeOrEqualTo(r.testCutoff());
            assertThat(r.trainSize()).isGreaterThan(100);
            assertThat(r.testSize()).isGreaterThan(100);
            assertThat(r.testPositiveRate()).isStrictlyBetween(0.0, 1.0);
            assertThat(r.model().auc()).isGreaterThan(0.5);
            // Held on every protocol tried (six train/test month pairs, 21 and 30 day horizons): a regression if not.
            assertThat(r.model().auc()).isGreaterThan(r.baseline().auc());
        }
    }

    @Test
    void nothingAfterTheLabelWindowsReachesTheModelOrTheTestFeatures() {
        Evaluation.Report r = Evaluation.evaluate(histories, Target.PURCHASE_PROPENSITY, TRAIN_CUTOFF, TEST_CUTOFF, HORIZON);
        // Training on histories cut at the end of the training label window gives the same model.
        BinaryModel cut = BinaryModel.train(LabeledSet.build(cutAt(TRAIN_CUTOFF.plus(HORIZON)),
                Target.PURCHASE_PROPENSITY, TRAIN_CUTOFF, HORIZON));
        // Test features from histories cut at the test cutoff are the same features.
        LabeledSet full = LabeledSet.build(histories, Target.PURCHASE_PROPENSITY, TEST_CUTOFF, HORIZON);
        List<CustomerHistory> testCut = cutAt(TEST_CUTOFF);
        for (int i = 0; i < full.size(); i++) {
            CustomerHistory h = testCut.get(histories.indexOf(byId(full.ids().get(i))));
            double[] f = Features.at(h, TEST_CUTOFF);
            assertThat(f).containsExactly(full.x()[i]);
            assertThat(cut.score(f)).isCloseTo(r.trained().score(f), within(1e-9));
        }
    }

    @Test
    void behaviourClustersAtTheEndOfTheLog() {
        Instant end = histories.stream().map(h -> h.activities().getLast().time()).max(Instant::compareTo).orElseThrow();
        List<String> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (CustomerHistory h : histories) {
            ids.add(h.customerId());
            rows.add(Features.at(h, end));
        }
        // log1p: on raw values the heavy raters dominate and k=2 (them vs everyone) wins; see BehaviourClusters.
        BehaviourClusters.Result r = BehaviourClusters.cluster(ids, rows, Features.NAMES, 2, 8, 42L, true);
        System.out.println("MovieLens-100K behaviour clusters, features at " + end + " (log1p, standardized, seed 42): "
                + r.explanation());
        r.clusters().forEach(c -> System.out.println("  #" + c.index() + " n=" + c.size() + ": " + c.description()));

        assertThat(r.k()).isBetween(2, 8);
        assertThat(r.assignment()).hasSize(histories.size());
        assertThat(r.clusters().stream().mapToInt(BehaviourClusters.Cluster::size).sum()).isEqualTo(histories.size());
        assertThat(r.silhouetteByK().get(r.k())).isPositive();
    }

    private static List<CustomerHistory> cutAt(Instant t) {
        return histories.stream().map(h -> new CustomerHistory(h.customerId(),
                h.activities().stream().filter(a -> !a.time().isAfter(t)).toList())).toList();
    }

    private static CustomerHistory byId(String id) {
        return histories.stream().filter(h -> h.customerId().equals(id)).findFirst().orElseThrow();
    }
}
