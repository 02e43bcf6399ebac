package io.quanyu.profile.domain;

import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventType;
import io.quanyu.events.data.CartChange;
import io.quanyu.events.data.ChatMessage;
import io.quanyu.events.data.Favorite;
import io.quanyu.events.data.Identify;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.ProductView;
import io.quanyu.events.data.Purchase;
import io.quanyu.events.data.Refund;
import io.quanyu.events.data.Review;
import io.quanyu.events.data.SocialInteraction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Applies one event to a portrait: counters, money, channels, traits from logins, interest tags (weighted by
 * how strong a signal the event is, decaying with a half-life) and sentiment.
 */
public final class PortraitUpdater {

    /** What the catalog knows of a product, for interests from events that carry only a product id. */
    public record ProductInfo(String category, String brand) {
    }

    static final double VIEW = 1;
    private static final double CART = 3;
    private static final double FAVORITE = 4;
    static final double PURCHASE = 5;

    private final Duration halfLife;
    private final Function<String, ProductInfo> catalog;

    public PortraitUpdater(Duration halfLife, Function<String, ProductInfo> catalog) {
        this.halfLife = halfLife;
        this.catalog = catalog;
    }

    public Duration halfLife() {
        return halfLife;
    }

    public Function<String, ProductInfo> catalog() {
        return catalog;
    }

    public void apply(Portrait p, CloudEvent e) {
        Instant t = e.time();
        p.events++;
        p.firstSeen = Portrait.min(p.firstSeen, t);
        p.lastSeen = Portrait.max(p.lastSeen, t);
        if (e.channel() != null) {
            p.channels.merge(e.channel(), 1L, Long::sum);
        }
        EventType type = EventType.parse(e.type()).orElse(null);
        if (type == null) {
            return;
        }
        switch (type) {
            case IDENTIFY -> identify(p, e.data(Identify.class));
            case PAGE_VIEW -> p.pageViews++;
            case SEARCH -> p.searches++;
            case PRODUCT_VIEW -> {
                ProductView v = e.data(ProductView.class);
                p.productViews++;
                interest(p, v.productId(), v.category(), VIEW, t);
            }
            case ADD_TO_CART -> {
                p.cartAdds++;
                interest(p, e.data(CartChange.class).productId(), null, CART, t);
            }
            case FAVORITE -> {
                p.favorites++;
                interest(p, e.data(Favorite.class).productId(), null, FAVORITE, t);
            }
            case PURCHASE -> {
                Purchase purchase = e.data(Purchase.class);
                p.purchases++;
                p.monetary = p.monetary.add(purchase.amount());
                p.lastPurchaseAt = Portrait.max(p.lastPurchaseAt, t);
                for (OrderLine line : purchase.lines()) {
                    interest(p, line.productId(), null, PURCHASE, t);
                }
            }
            case REFUND -> {
                p.refunds++;
                p.monetary = p.monetary.subtract(e.data(Refund.class).amount()).max(BigDecimal.ZERO);
            }
            case REVIEW -> {
                Review r = e.data(Review.class);
                p.reviews++;
                p.sentimentSum += (r.rating() - 3) / 2.0;
                p.sentimentCount++;
                // A liked item says more about taste than a view; a disliked one says nothing we can use.
                interest(p, r.productId(), null, Math.max(0, r.rating() - 3) * 1.5, t);
            }
            // A like says as much about taste as a favourite; a share, recommending it to others, as much as a cart add.
            case SOCIAL_LIKE -> interest(p, e.data(SocialInteraction.class).productId(), null, FAVORITE, t);
            case SOCIAL_SHARE -> interest(p, e.data(SocialInteraction.class).productId(), null, CART, t);
            case CHAT_MESSAGE -> {
                p.chats++;
                ChatMessage m = e.data(ChatMessage.class);
                if (m.sentiment() != null) {
                    p.sentimentSum += Math.max(-1, Math.min(1, m.sentiment()));
                    p.sentimentCount++;
                }
            }
            default -> {
            }
        }
    }

    private void identify(Portrait p, Identify id) {
        p.logins++;
        if (p.userId == null) {
            p.userId = id.userId();
        }
        if (id.traits() == null) {
            return;
        }
        for (Map.Entry<String, String> t : id.traits().entrySet()) {
            if (t.getKey() != null && t.getValue() != null && !t.getValue().isBlank()) {
                PortraitLimits.putTrait(p.traits, t.getKey().toLowerCase(Locale.ROOT), t.getValue().trim());
            }
        }
        Traits.derive(p.traits);
    }

    private void interest(Portrait p, String productId, String category, double weight, Instant t) {
        if (weight <= 0) {
            return;
        }
        ProductInfo info = productId == null ? null : catalog.apply(productId);
        String cat = category != null ? category : info == null ? null : info.category();
        if (cat != null && !cat.isBlank()) {
            PortraitLimits.addInterest(p.categories, cat.toLowerCase(Locale.ROOT), weight, t, halfLife);
        }
        if (info != null && info.brand() != null && !info.brand().isBlank()) {
            PortraitLimits.addInterest(p.brands, info.brand(), weight, t, halfLife);
        }
    }
}
