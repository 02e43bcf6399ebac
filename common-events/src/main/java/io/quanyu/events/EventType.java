package io.quanyu.events;

import io.quanyu.events.data.AdEvent;
import io.quanyu.events.data.CartChange;
import io.quanyu.events.data.ChatMessage;
import io.quanyu.events.data.CouponRedeemed;
import io.quanyu.events.data.EventData;
import io.quanyu.events.data.Favorite;
import io.quanyu.events.data.Identify;
import io.quanyu.events.data.MessageFeedback;
import io.quanyu.events.data.PageView;
import io.quanyu.events.data.ProductView;
import io.quanyu.events.data.Purchase;
import io.quanyu.events.data.Refund;
import io.quanyu.events.data.Review;
import io.quanyu.events.data.Search;
import io.quanyu.events.data.SocialInteraction;
import io.quanyu.events.data.StockLevel;
import java.util.Locale;
import java.util.Optional;

/** The CloudEvents {@code type} values of {@code events.v1}, each bound to the record of its {@code data}. */
public enum EventType {
    IDENTIFY(Identify.class),
    PAGE_VIEW(PageView.class),
    PRODUCT_VIEW(ProductView.class),
    SEARCH(Search.class),
    ADD_TO_CART(CartChange.class),
    REMOVE_FROM_CART(CartChange.class),
    FAVORITE(Favorite.class),
    PURCHASE(Purchase.class),
    REFUND(Refund.class),
    REVIEW(Review.class),
    COUPON_REDEEMED(CouponRedeemed.class),
    AD_IMPRESSION(AdEvent.class),
    AD_CLICK(AdEvent.class),
    AD_COST(AdEvent.class),
    STOCK_LEVEL(StockLevel.class),
    CHAT_MESSAGE(ChatMessage.class),
    MESSAGE_DELIVERED(MessageFeedback.class),
    MESSAGE_OPENED(MessageFeedback.class),
    MESSAGE_CLICKED(MessageFeedback.class),
    SOCIAL_SHARE(SocialInteraction.class),
    SOCIAL_LIKE(SocialInteraction.class);

    private final Class<? extends EventData> dataType;

    EventType(Class<? extends EventData> dataType) {
        this.dataType = dataType;
    }

    /** The record {@code data} must be for this type. */
    public Class<? extends EventData> dataType() {
        return dataType;
    }

    /** The wire value, e.g. {@code add_to_cart}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire value; empty for unknown types. */
    public static Optional<EventType> parse(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        for (EventType t : values()) {
            if (t.wire().equals(wire)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
