package io.quanyu.recommender.api;

import io.quanyu.events.UserKey;
import io.quanyu.recommender.domain.Audience;
import io.quanyu.recommender.domain.EventWeights;
import io.quanyu.recommender.domain.History;
import io.quanyu.recommender.domain.Recommendation;
import io.quanyu.recommender.domain.RecommendationRequest;
import io.quanyu.recommender.messaging.LiveModel;
import io.quanyu.recommender.messaging.Models;
import io.quanyu.recommender.messaging.RecommenderMetrics;
import io.quanyu.recommender.messaging.Stock;
import io.quanyu.recommender.store.CustomerStore;
import io.quanyu.recommender.store.InteractionStore;
import io.quanyu.recommender.store.RequestReads;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A customer's recommendations as of now: the customer's every linked key, their live history folded into the
 * trained models (or, before the first training, into the live counts), the business rules, and the audience whose
 * popularity fills in (segment, then channel).
 */
@ApplicationScoped
public class RecommendationService {

    /** What a caller may ask for besides the customer. */
    public record Ask(int n, Set<String> exclude, String category, String channel, boolean inStockOnly) {
    }

    /**
     * The answer with what it was computed from: {@code source} is {@link #TRAINED} or {@link #LIVE_COUNTS},
     * {@code trainedAt} null for the live counts, {@code catalog} the titles and categories of the items it may name.
     */
    public record Answer(String customerId, List<Recommendation> items, String source, Instant trainedAt, Map<String, InteractionStore.Item> catalog,
                         int historySize, String audience) {
    }

    /** Answered by the trained models, the customer's live events folded in. */
    public static final String TRAINED = "trained";
    /** Answered before the first training, by popularity and same-visit co-occurrence counted from the stored events. */
    public static final String LIVE_COUNTS = "live_counts";

    private static final EventWeights WEIGHTS = EventWeights.ecommerceDefaults();

    private final Models models;
    private final LiveModel liveModel;
    private final RequestReads reads;
    private final Stock stock;
    private final RecommenderMetrics metrics;

    public RecommendationService(Models models, LiveModel liveModel, RequestReads reads, Stock stock, RecommenderMetrics metrics) {
        this.models = models;
        this.liveModel = liveModel;
        this.reads = reads;
        this.stock = stock;
        this.metrics = metrics;
    }

    /** A user id (42, taken as u:42) or a user key (u:..., a:...) as the key it names. */
    public static String key(String userId) {
        return userId.startsWith(UserKey.KNOWN_PREFIX) || userId.startsWith(UserKey.ANONYMOUS_PREFIX) ? userId : UserKey.known(userId);
    }

    /** From the trained models, or before the first training from the live counts: never without an answer. */
    public Answer recommend(String userKey, Ask ask) throws SQLException {
        Models.Trained m = models.current();
        if (m == null) {
            return live(userKey, ask);
        }
        RequestReads.Customer read = reads.customer(userKey);
        CustomerStore.Resolved who = read.who();
        String customer = who.customerId();
        History live = history(m, read.history());
        RecommendationRequest request = RecommendationRequest.top(ask.n()).excluding(ask.exclude());
        if (ask.category() != null) {
            request = request.inCategory(ask.category());
        }
        if (ask.inStockOnly() && stock.anyOutOfStock()) {
            request = request.onlyIf(i -> stock.inStock(m.train().itemId(i)));
        }
        Audience audience = audience(m, who, ask.channel());
        if (audience != null) {
            request = request.forAudience(audience);
        }
        List<Recommendation> items = m.hybrid().recommend(live, m.train().userIndex(customer) >= 0 ? customer : null, request);
        String audienceKind = audience == null ? "everyone" : m.segments().containsValue(audience) ? "segment" : "channel";
        metrics.served(live.isEmpty() ? "fallback" : "personal", audienceKind);
        return new Answer(customer, items, TRAINED, m.trainedAt(), m.items(), live.size(), audienceKind);
    }

    /**
     * Before the first training: items seen in the same visits as the customer's (any key's) items, then what is
     * popular now; never an item the customer has interacted with.
     */
    private Answer live(String userKey, Ask ask) throws SQLException {
        LiveModel.Snapshot s = liveModel.current();
        RequestReads.Customer read = reads.customer(userKey);
        Map<String, Double> history = new LinkedHashMap<>();
        Set<String> touched = new HashSet<>();
        for (RequestReads.Interaction r : read.history()) {
            double w = WEIGHTS.weight(r.type(), r.value());
            touched.add(r.itemId());
            if (!Double.isNaN(w)) {
                history.merge(r.itemId(), w, Double::sum);
            }
        }
        history.values().removeIf(w -> w <= 0);
        Predicate<String> accept = id -> !touched.contains(id) && !ask.exclude().contains(id)
                && (ask.category() == null || ask.category().equals(categoryOf(s, id))) && (!ask.inStockOnly() || stock.inStock(id));
        List<Recommendation> items = s.counts().recommend(history, ask.n(), accept).stream()
                .map(r -> new Recommendation(r.itemId(), r.score(), r.source(), r.because() == null ? popularReason(categoryOf(s, r.itemId()))
                        : sameVisitReason(s.items(), r.because()))).toList();
        metrics.served(history.isEmpty() ? "fallback" : "personal", "everyone");
        return new Answer(read.who().customerId(), items, LIVE_COUNTS, null, s.items(), history.size(), "everyone");
    }

    /** Why a live co-occurrence is recommended, naming the item it was seen with. */
    static String sameVisitReason(Map<String, InteractionStore.Item> catalog, String because) {
        InteractionStore.Item item = catalog.get(because);
        return "viewed in the same visit as " + (item != null && item.title() != null ? item.title() : because);
    }

    /** Why a live popular item is recommended (the words of the trained popularity's reasons). */
    static String popularReason(String category) {
        return category == null ? "popular right now" : "popular in " + category;
    }

    private static String categoryOf(LiveModel.Snapshot s, String itemId) {
        InteractionStore.Item item = s.items().get(itemId);
        return item == null ? null : item.category();
    }

    /**
     * The customer's first segment that has its own popularity; otherwise the asked channel's, or the channel the
     * customer uses most; otherwise none (everyone's).
     */
    private static Audience audience(Models.Trained m, CustomerStore.Resolved who, String channel) {
        for (String segment : who.segments()) {
            if (m.segments().containsKey(segment)) {
                return m.segments().get(segment);
            }
        }
        String ch = channel != null ? channel : who.preferredChannel();
        return ch == null ? null : m.channels().get(ch);
    }

    /** The customer's interactions as a history over the trained items, weighted like training; unknown items are skipped. */
    private static History history(Models.Trained m, List<RequestReads.Interaction> rows) {
        Map<Integer, Double> cells = new LinkedHashMap<>();
        for (RequestReads.Interaction r : rows) {
            int i = m.train().itemIndex(r.itemId());
            double w = WEIGHTS.weight(r.type(), r.value());
            if (i >= 0 && !Double.isNaN(w)) {
                cells.merge(i, w, Double::sum);
            }
        }
        cells.values().removeIf(w -> w <= 0);
        int[] items = cells.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[] w = cells.values().stream().mapToDouble(Double::doubleValue).toArray();
        return History.of(items, w);
    }
}
