package io.quanyu.recommender.messaging;

import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventType;
import io.quanyu.events.data.CartChange;
import io.quanyu.events.data.Favorite;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.ProductView;
import io.quanyu.events.data.Purchase;
import io.quanyu.events.data.Refund;
import io.quanyu.events.data.Review;
import io.quanyu.events.data.SocialInteraction;
import io.quanyu.recommender.store.InteractionStore.Row;
import java.util.ArrayList;
import java.util.List;

/** Which events say something about a customer and an item, as interaction rows (one per order line). */
final class Interactions2Rows {

    private Interactions2Rows() {
    }

    static List<Row> of(CloudEvent e) {
        EventType type = EventType.parse(e.type()).orElse(null);
        if (type == null) {
            return List.of();
        }
        return switch (type) {
            case PRODUCT_VIEW -> List.of(row(e, e.data(ProductView.class).productId(), 0));
            case ADD_TO_CART -> List.of(row(e, e.data(CartChange.class).productId(), 0));
            case FAVORITE -> List.of(row(e, e.data(Favorite.class).productId(), 0));
            // A share or like of a product; one of other content (an article, a live stream) names no item.
            case SOCIAL_LIKE, SOCIAL_SHARE -> e.data(SocialInteraction.class).productId() == null ? List.of()
                    : List.of(row(e, e.data(SocialInteraction.class).productId(), 0));
            case REVIEW -> List.of(row(e, e.data(Review.class).productId(), e.data(Review.class).rating()));
            case PURCHASE -> lines(e, e.data(Purchase.class).lines());
            case REFUND -> lines(e, e.data(Refund.class).lines());
            default -> List.of();
        };
    }

    private static List<Row> lines(CloudEvent e, List<OrderLine> lines) {
        List<Row> out = new ArrayList<>();
        if (lines == null) {
            return out;
        }
        for (int i = 0; i < lines.size(); i++) {
            out.add(new Row(e.id() + "#" + i, e.subject(), lines.get(i).productId(), e.type(), 0, e.time(), e.channel()));
        }
        return out;
    }

    private static Row row(CloudEvent e, String item, double value) {
        return new Row(e.id(), e.subject(), item, e.type(), value, e.time(), e.channel());
    }
}
