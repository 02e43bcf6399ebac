package io.quanyu.chatbot.api;

import io.quanyu.chatbot.domain.dialogue.Knowledge;
import io.quanyu.chatbot.domain.dialogue.OfferFacts;
import io.quanyu.chatbot.domain.dialogue.OrderFacts;
import io.quanyu.chatbot.domain.dialogue.ProductFacts;
import io.quanyu.chatbot.domain.faq.FaqHit;
import io.quanyu.chatbot.messaging.EngagementClient;
import io.quanyu.chatbot.messaging.Models;
import io.quanyu.chatbot.messaging.RecommenderClient;
import io.quanyu.chatbot.store.OrderStore;
import io.quanyu.events.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The dialogue policy's look-ups, backed by the order store, the catalog feed, the FAQ index and the recommender. */
@ApplicationScoped
public class StoreKnowledge implements Knowledge {

    private final OrderStore orders;
    private final Models models;
    private final RecommenderClient recommender;
    private final EngagementClient engagement;
    private final String authorization;

    @Inject
    public StoreKnowledge(OrderStore orders, Models models, RecommenderClient recommender, EngagementClient engagement) {
        this(orders, models, recommender, engagement, null);
    }

    private StoreKnowledge(OrderStore orders, Models models, RecommenderClient recommender, EngagementClient engagement, String authorization) {
        this.orders = orders;
        this.models = models;
        this.recommender = recommender;
        this.engagement = engagement;
        this.authorization = authorization;
    }

    /** The same look-ups for one turn of a signed-in customer, whose coupons are asked for with their own credential. */
    public Knowledge forCustomer(String customerAuthorization) {
        return new StoreKnowledge(orders, models, recommender, engagement, customerAuthorization);
    }

    @Override
    public List<OfferFacts> liveOffers() {
        return engagement.liveOffers(authorization);
    }

    @Override
    public Optional<OrderFacts> order(String orderId) {
        try {
            return orders.find(orderId);
        } catch (SQLException e) {
            throw new DatabaseAway(e);
        }
    }

    @Override
    public List<OrderFacts> recentOrders(List<String> userKeys, int limit) {
        try {
            return orders.recent(userKeys, limit);
        } catch (SQLException e) {
            throw new DatabaseAway(e);
        }
    }

    @Override
    public Optional<ProductFacts> product(String productId) {
        return models.product(productId).map(StoreKnowledge::facts);
    }

    @Override
    public List<ProductFacts> similar(String productId, int limit) {
        return recommender.similar(productId, limit).stream().map(models::product).flatMap(Optional::stream).map(StoreKnowledge::facts).toList();
    }

    @Override
    public Optional<FaqHit> faq(String text, double minCoverage) {
        return models.faq().best(text, minCoverage);
    }

    private static ProductFacts facts(Product p) {
        return new ProductFacts(p.productId(), p.title(), p.price(), p.currency(), p.inStock(), p.category());
    }

    /** A look-up the database could not answer, carried out of the policy and answered as 503. */
    public static final class DatabaseAway extends RuntimeException {
        DatabaseAway(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        public SQLException sqlCause() {
            return (SQLException) getCause();
        }
    }
}
