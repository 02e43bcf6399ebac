package io.quanyu.recommender.api;

import io.quanyu.events.UserKey;
import io.quanyu.recommender.domain.Audience;
import io.quanyu.recommender.domain.EventWeights;
import io.quanyu.recommender.domain.History;
import io.quanyu.recommender.domain.Recommendation;
import io.quanyu.recommender.domain.RecommendationRequest;
import io.quanyu.recommender.messaging.Models;
import io.quanyu.recommender.messaging.RecommenderMetrics;
import io.quanyu.recommender.messaging.Stock;
import io.quanyu.recommender.store.CustomerStore;
import io.quanyu.recommender.store.RequestReads;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A customer's recommendations as of now: the customer's every linked key, their live history folded into the
 * trained models, the business rules, and the audience whose popularity fills in (segment, then channel).
 */
@ApplicationScoped
public class RecommendationService {

    /** What a caller may ask for besides the customer. */
    public record Ask(int n, Set<String> exclude, String category, String channel, boolean inStockOnly) {
    }

    /** The answer with what it was computed from. */
    public record Answer(String customerId, List<Recommendation> items, Models.Trained model, int historySize, String audience) {
    }

    private static final EventWeights WEIGHTS = EventWeights.ecommerceDefaults();

    private final Models models;
    private final RequestReads reads;
    private final Stock stock;
    private final RecommenderMetrics metrics;

    public RecommendationService(Models models, RequestReads reads, Stock stock, RecommenderMetrics metrics) {
        this.models = models;
        this.reads = reads;
        this.stock = stock;
        this.metrics = metrics;
    }

    /** A user id (42, taken as u:42) or a user key (u:..., a:...) as the key it names. */
    public static String key(String userId) {
        return userId.startsWith(UserKey.KNOWN_PREFIX) || userId.startsWith(UserKey.ANONYMOUS_PREFIX) ? userId : UserKey.known(userId);
    }

    /** Empty before the first training. */
    public Optional<Answer> recommend(String userKey, Ask ask) throws SQLException {
        Models.Trained m = models.current();
        if (m == null) {
            return Optional.empty();
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
        return Optional.of(new Answer(customer, items, m, live.size(), audienceKind));
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
