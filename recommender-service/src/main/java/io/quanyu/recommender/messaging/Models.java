package io.quanyu.recommender.messaging;

import io.quanyu.recommender.config.RecommenderConfig;
import io.quanyu.recommender.domain.Audience;
import io.quanyu.recommender.domain.ContentModel;
import io.quanyu.recommender.domain.EventWeights;
import io.quanyu.recommender.domain.FirstTraining;
import io.quanyu.recommender.domain.HybridRecommender;
import io.quanyu.recommender.domain.ImplicitAls;
import io.quanyu.recommender.domain.Interactions;
import io.quanyu.recommender.domain.InteractionsBuilder;
import io.quanyu.recommender.domain.ItemKnn;
import io.quanyu.recommender.domain.Popularity;
import io.quanyu.recommender.domain.UserKnn;
import io.quanyu.recommender.store.CustomerStore;
import io.quanyu.recommender.store.InteractionStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The trained models, replaced whole by each training on every interaction stored. Interactions are trained per
 * customer (a store card's and a login's events are one user once the profile service links them). Between
 * trainings the API folds each customer's newest interactions in at request time.
 */
@ApplicationScoped
public class Models {

    /** Everything a request needs, trained together. */
    public record Trained(Interactions train, HybridRecommender hybrid, ItemKnn itemKnn, ContentModel content, Popularity popularity,
                          Map<String, InteractionStore.Item> items, Map<String, Audience> segments, Map<String, Audience> channels,
                          Instant trainedAt, long trainMillis, long version, String trigger) {
    }

    private static final Logger LOG = Logger.getLogger(Models.class);
    /** Chosen on a validation split of MovieLens-100K (see the README): ALS carries the blend, the others explain and cover. */
    static final ItemKnn.Config ITEM_KNN = ItemKnn.Config.of(ItemKnn.Similarity.COSINE, 200);
    static final UserKnn.Config USER_KNN = new UserKnn.Config(100, 2.0);
    static final ImplicitAls.Config ALS = new ImplicitAls.Config(64, 15, 10.0, 60.0, 3, 42);
    /** A segment's own popularity needs this many trained members to mean more than a few people's taste. */
    static final int MIN_SEGMENT_MEMBERS = 5;
    private static final String NOTHING_YET = "nothing to train on yet";

    private final InteractionStore store;
    private final CustomerStore customers;
    private final RecommenderMetrics metrics;
    private final FirstTraining first;
    private final ReentrantLock training = new ReentrantLock();
    private final AtomicLong versions = new AtomicLong();
    private volatile Trained current;

    public Models(InteractionStore store, CustomerStore customers, RecommenderMetrics metrics, RecommenderConfig config) {
        this.store = store;
        this.customers = customers;
        this.metrics = metrics;
        this.first = new FirstTraining(config.coldStart().trainAfterInteractions(), config.coldStart().retryAfter(), System::nanoTime);
    }

    /** Interactions stored that start the first training. */
    public long firstTrainingThreshold() {
        return first.threshold();
    }

    public Trained current() {
        return current;
    }

    @Scheduled(every = "${quanyu.recommender.retrain-every}", delayed = "${quanyu.recommender.first-training-after}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            train("schedule");
        } catch (Exception | OutOfMemoryError e) {
            // A training that ran out of heap leaves only garbage; the previous models (or the live counts) keep serving.
            LOG.warnf("training failed, keeping the previous models: %s", e.toString());
        }
    }

    /** Until a model is trained: the first training as soon as enough interactions are stored, not at the next slot. */
    @Scheduled(every = "${quanyu.recommender.cold-start.check-every}", delayed = "${quanyu.recommender.first-training-after}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void firstTrainingCheck() {
        FirstTraining.Outcome outcome = first.check(() -> current != null, store::countAtMost,
                () -> !NOTHING_YET.equals(train("threshold").get("status")));
        if (outcome == FirstTraining.Outcome.FAILED || outcome == FirstTraining.Outcome.NOT_TRAINED) {
            LOG.warnf("the first training (at %d interactions) gave no model, tried again after a pause; the live counts keep serving: %s",
                    first.threshold(), first.lastFailure());
        }
    }

    /** Trains on everything stored, on request; returns what was trained. */
    public Map<String, Object> train() throws Exception {
        return train("request");
    }

    /** Trains on everything stored; {@code trigger} (schedule, threshold, request) is kept with the models. */
    private Map<String, Object> train(String trigger) throws Exception {
        if (!training.tryLock()) {
            return Map.of("status", "already training");
        }
        try {
            long start = System.nanoTime();
            Map<String, InteractionStore.Item> items = store.items();
            Map<String, String> customerOf = customers.keyToCustomer();
            EventWeights weights = EventWeights.ecommerceDefaults();
            InteractionsBuilder builder = Interactions.builder();
            // Catalog items without interactions still get content similarity and can be recommended to fit a taste.
            items.keySet().forEach(builder::item);
            Map<String, Map<String, Double>> perChannel = new HashMap<>();
            store.forEach(r -> weights.event(customerOf.getOrDefault(r.userKey(), r.userKey()), r.itemId(), r.type(), r.value(), r.at())
                    .ifPresent(e -> {
                        builder.add(e);
                        if (r.channel() != null && e.weight() > 0) {
                            perChannel.computeIfAbsent(r.channel(), c -> new HashMap<>()).merge(e.itemId(), 1.0, Double::sum);
                        }
                    }));
            Interactions train = builder.build();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("users", train.userCount());
            out.put("items", train.itemCount());
            out.put("cells", train.size());
            if (train.size() == 0) {
                out.put("status", NOTHING_YET);
                return out;
            }
            Fitted fitted = fit(train, items);
            Map<String, Audience> segments = segmentAudiences(train, customers.segments());
            Map<String, Audience> channels = new HashMap<>();
            perChannel.forEach((channel, counts) -> channels.put(channel, new Audience("on " + channel, popularity(train, counts))));
            long millis = (System.nanoTime() - start) / 1_000_000;
            Instant now = Instant.now();
            long version = versions.incrementAndGet();
            current = new Trained(train, fitted.hybrid(), fitted.itemKnn(), fitted.content(), fitted.popularity(), items, Map.copyOf(segments),
                    Map.copyOf(channels), now, millis, version, trigger);
            metrics.trained(now, millis);
            out.put("segments", segments.size());
            out.put("channels", channels.size());
            out.put("train_ms", millis);
            out.put("version", version);
            out.put("trigger", trigger);
            out.put("status", "trained");
            LOG.infof("trained (version %d, by %s) on %s in %d ms", version, trigger, train, millis);
            return out;
        } finally {
            training.unlock();
        }
    }

    /** The models fitted on the interactions and the catalog, blended. */
    public record Fitted(HybridRecommender hybrid, ItemKnn itemKnn, ContentModel content, Popularity popularity) {
    }

    /** Fits every model and the blend the service serves (also what the in-process ranking bench measures). */
    public static Fitted fit(Interactions train, Map<String, InteractionStore.Item> items) {
        ItemKnn itemKnn = ItemKnn.fit(train, ITEM_KNN);
        ContentModel content = ContentModel.fit(train, i -> {
            InteractionStore.Item item = items.get(train.itemId(i));
            return item == null ? "" : item.text();
        });
        Popularity popularity = Popularity.fit(train, Popularity.Config.COUNTS);
        HybridRecommender.Builder hybrid = HybridRecommender.builder(train).itemKnn(itemKnn, 0.1).content(content, 0.1).popularity(popularity, 0)
                .categories(id -> items.containsKey(id) ? items.get(id).category() : null)
                .labels(id -> items.containsKey(id) && items.get(id).title() != null ? items.get(id).title() : id).verb("viewed");
        // Factor and neighbour models need some users to learn from; a tiny shop runs on item-kNN and content.
        if (train.userCount() >= 10) {
            hybrid.userKnn(UserKnn.fit(train, USER_KNN), 0.1).matrixFactorization(ImplicitAls.fit(train, ALS), 0.7);
        }
        return new Fitted(hybrid.build(), itemKnn, content, popularity);
    }

    /** Per segment, how many of its trained members interacted with each item. */
    private static Map<String, Audience> segmentAudiences(Interactions train, Map<String, List<String>> segmentsOf) {
        Map<String, double[]> counts = new HashMap<>();
        Map<String, Integer> members = new HashMap<>();
        for (int u = 0; u < train.userCount(); u++) {
            for (String segment : segmentsOf.getOrDefault(train.userId(u), List.of())) {
                double[] c = counts.computeIfAbsent(segment, s -> new double[train.itemCount()]);
                members.merge(segment, 1, Integer::sum);
                for (int p = train.rowStart(u); p < train.rowEnd(u); p++) {
                    c[train.itemAt(p)]++;
                }
            }
        }
        Map<String, Audience> out = new HashMap<>();
        counts.forEach((segment, c) -> {
            if (members.get(segment) >= MIN_SEGMENT_MEMBERS) {
                out.put(segment, new Audience("in segment " + segment, Popularity.of(c)));
            }
        });
        return out;
    }

    private static Popularity popularity(Interactions train, Map<String, Double> countsById) {
        double[] c = new double[train.itemCount()];
        countsById.forEach((id, n) -> {
            int i = train.itemIndex(id);
            if (i >= 0) {
                c[i] = n;
            }
        });
        return Popularity.of(c);
    }
}
