package io.quanyu.profile.domain;

import io.quanyu.events.EventType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Rebuilds a portrait from the compact history alone, for a split of a wrong merge: the two halves of a summed
 * portrait cannot be told apart, but each history row knows the key it arrived under. What the history does not
 * keep (traits, sentiment, brand interests) stays with the half that keeps the traits, or comes with the next login.
 */
public final class PortraitRebuild {

    /** One history row as the store keeps it. */
    public record Row(Instant at, String type, String channel, BigDecimal amount, String category) {
    }

    private PortraitRebuild() {
    }

    /** The portrait of {@code customerId} from its rows, in time order. */
    public static Portrait of(String customerId, String userId, List<Row> rows, Duration halfLife) {
        Portrait p = new Portrait(customerId);
        p.userId = userId;
        rows.stream().sorted(Comparator.comparing(Row::at)).forEach(r -> apply(p, r, halfLife));
        PortraitLimits.trim(p, p.lastSeen == null ? Instant.now() : p.lastSeen, halfLife);
        return p;
    }

    private static void apply(Portrait p, Row r, Duration halfLife) {
        p.events++;
        p.firstSeen = Portrait.min(p.firstSeen, r.at());
        p.lastSeen = Portrait.max(p.lastSeen, r.at());
        if (r.channel() != null) {
            p.channels.merge(r.channel(), 1L, Long::sum);
        }
        EventType type = EventType.parse(r.type()).orElse(null);
        if (type == null) {
            return;
        }
        switch (type) {
            case IDENTIFY -> p.logins++;
            case PAGE_VIEW -> p.pageViews++;
            case SEARCH -> p.searches++;
            case PRODUCT_VIEW -> {
                p.productViews++;
                interest(p, r, PortraitUpdater.VIEW, halfLife);
            }
            case ADD_TO_CART -> p.cartAdds++;
            case FAVORITE -> p.favorites++;
            case PURCHASE -> {
                p.purchases++;
                if (r.amount() != null) {
                    p.monetary = p.monetary.add(r.amount());
                }
                p.lastPurchaseAt = Portrait.max(p.lastPurchaseAt, r.at());
                interest(p, r, PortraitUpdater.PURCHASE, halfLife);
            }
            case REFUND -> {
                p.refunds++;
                if (r.amount() != null) {
                    p.monetary = p.monetary.subtract(r.amount()).max(BigDecimal.ZERO);
                }
            }
            case REVIEW -> p.reviews++;
            case CHAT_MESSAGE -> p.chats++;
            default -> {
            }
        }
    }

    private static void interest(Portrait p, Row r, double weight, Duration halfLife) {
        if (r.category() != null && !r.category().isBlank()) {
            PortraitLimits.addInterest(p.categories, r.category().toLowerCase(Locale.ROOT), weight, r.at(), halfLife);
        }
    }
}
