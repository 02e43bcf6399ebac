package io.quanyu.profile.messaging;

import io.quanyu.profile.config.ProfileConfig;
import io.quanyu.profile.domain.model.BehaviourClusters;
import io.quanyu.profile.domain.model.BinaryModel;
import io.quanyu.profile.domain.model.CustomerHistory;
import io.quanyu.profile.domain.model.Evaluation;
import io.quanyu.profile.domain.model.Features;
import io.quanyu.profile.domain.model.LabeledSet;
import io.quanyu.profile.domain.model.Target;
import io.quanyu.profile.store.ModelStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Retrains propensity and churn on the accumulated history, rescores every customer, and reclusters. Quality
 * comes from a time split that the production model never trains on: train at T-2h, test at T-h (h = horizon,
 * T = the latest event), labels always in the horizon after each cutoff.
 */
@ApplicationScoped
public class ModelJob {

    private static final Logger LOG = Logger.getLogger(ModelJob.class);

    private final ModelStore store;
    private final ProfileConfig config;
    private final SegmentEvaluator evaluator;
    private final ReentrantLock running = new ReentrantLock();

    public ModelJob(ModelStore store, ProfileConfig config, SegmentEvaluator evaluator) {
        this.store = store;
        this.config = config;
        this.evaluator = evaluator;
    }

    @Scheduled(every = "${quanyu.profile.models.retrain-every}", delayed = "${quanyu.profile.models.first-run-after}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            retrain();
        } catch (Exception e) {
            LOG.warnf("model retraining failed, keeping the previous scores: %s", e.toString());
        }
    }

    /** Runs one retraining; returns what happened to each model and the clustering. */
    public Map<String, Object> retrain() throws Exception {
        if (!running.tryLock()) {
            return Map.of("status", "already running");
        }
        try {
            List<CustomerHistory> histories = store.histories();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("customers", histories.size());
            if (histories.size() < config.models().minCustomers()) {
                result.put("status", "skipped: " + histories.size() + " customers with history, at least " + config.models().minCustomers() + " needed");
                return result;
            }
            Duration h = config.models().horizon();
            Instant latest = histories.stream().flatMap(c -> c.activities().stream()).map(a -> a.time()).max(Instant::compareTo).orElseThrow();
            Instant asOf = latest.isAfter(Instant.now()) ? Instant.now() : latest;
            Map<String, Double> propensity = new HashMap<>();
            Map<String, Double> churn = new HashMap<>();
            for (Target target : Target.values()) {
                result.put(target.wire(), trainAndScore(histories, target, asOf, h, target == Target.PURCHASE_PROPENSITY ? propensity : churn));
            }
            store.writeScores(propensity, churn);
            result.put("clusters", cluster(histories, asOf));
            evaluator.invalidate();
            result.put("status", "done");
            return result;
        } finally {
            running.unlock();
        }
    }

    private Map<String, Object> trainAndScore(List<CustomerHistory> histories, Target target, Instant asOf, Duration h, Map<String, Double> scores) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            Evaluation.Report report = Evaluation.evaluate(histories, target, asOf.minus(h.multipliedBy(2)), asOf.minus(h), h);
            out.put("protocol", "train features <= " + report.trainCutoff() + ", test features <= " + report.testCutoff()
                    + ", labels in the " + h.toDays() + " days after each cutoff");
            out.put("test_customers", report.testSize());
            out.put("test_positive_rate", report.testPositiveRate());
            out.put("auc", report.model().auc());
            out.put("precision_at_10pct", report.model().precisionAtK());
            out.put("baseline_auc", report.baseline().auc());
            out.put("baseline_precision_at_10pct", report.baseline().precisionAtK());
            // The served model learns from the newest complete window; the evaluated one never saw the test labels.
            BinaryModel model = BinaryModel.train(LabeledSet.build(histories, target, asOf.minus(h), h));
            for (CustomerHistory c : histories) {
                double[] f = Features.at(c, asOf);
                if (f != null && target.scores(f, h)) {
                    scores.put(c.customerId(), model.score(f));
                }
            }
            out.put("scored", scores.size());
            store.recordRun(target.wire(), model, out);
        } catch (RuntimeException | java.sql.SQLException e) {
            out.put("status", "not trained: " + e.getMessage());
        }
        return out;
    }

    private Map<String, Object> cluster(List<CustomerHistory> histories, Instant asOf) throws java.sql.SQLException {
        List<String> ids = new ArrayList<>();
        List<double[]> features = new ArrayList<>();
        for (CustomerHistory c : histories) {
            double[] f = Features.at(c, asOf);
            if (f != null) {
                ids.add(c.customerId());
                features.add(f);
            }
        }
        BehaviourClusters.Result r = BehaviourClusters.cluster(ids, features, Features.NAMES, 2, 8, 42, true);
        List<String[]> segments = new ArrayList<>();
        List<String[]> members = new ArrayList<>();
        for (BehaviourClusters.Cluster cl : r.clusters()) {
            segments.add(new String[] {"behaviour-" + (cl.index() + 1), "Behaviour cluster " + (cl.index() + 1) + " (" + cl.size() + ")",
                cl.description()});
        }
        r.assignment().forEach((id, cl) -> members.add(new String[] {"behaviour-" + (cl + 1), id}));
        store.replaceClusters(segments, members);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("k", r.k());
        out.put("silhouette_by_k", r.silhouetteByK());
        out.put("explanation", r.explanation());
        store.recordRun("clusters", Map.of("k", r.k()), out);
        return out;
    }
}
