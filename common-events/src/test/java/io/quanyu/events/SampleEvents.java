package io.quanyu.events;

import io.quanyu.events.data.AdEvent;
import io.quanyu.events.data.CartChange;
import io.quanyu.events.data.ChatMessage;
import io.quanyu.events.data.CouponRedeemed;
import io.quanyu.events.data.EventData;
import io.quanyu.events.data.MessageFeedback;
import io.quanyu.events.data.SocialInteraction;
import io.quanyu.events.data.Favorite;
import io.quanyu.events.data.IdKind;
import io.quanyu.events.data.Identify;
import io.quanyu.events.data.LinkedId;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.PageView;
import io.quanyu.events.data.ProductView;
import io.quanyu.events.data.Purchase;
import io.quanyu.events.data.Refund;
import io.quanyu.events.data.Review;
import io.quanyu.events.data.Search;
import io.quanyu.events.data.StockLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One valid event of every type, for round-trip, schema and smoke tests (shared as a test-jar). */
public final class SampleEvents {

    public static final Instant T0 = Instant.parse("2026-11-11T02:30:00.123Z");

    private SampleEvents() {
    }

    public static EventData dataFor(EventType type) {
        List<OrderLine> lines = List.of(new OrderLine("sku-1", 2, new BigDecimal("19.90")), new OrderLine("sku-2", 1, new BigDecimal("5.00")));
        return switch (type) {
            case IDENTIFY -> new Identify("42", List.of(new LinkedId(IdKind.ANONYMOUS_ID, "anon-1"),
                    new LinkedId(IdKind.OPENID, "o6_bmjrPTlm6"), new LinkedId(IdKind.PHONE_HASH, "9f2c")),
                    Map.of("gender", "F", "age_group", "25-34"));
            case PAGE_VIEW -> new PageView("https://shop.example/home", "首页", null);
            case PRODUCT_VIEW -> new ProductView("sku-1", "tea", new BigDecimal("19.90"));
            case SEARCH -> new Search("绿茶 green tea", 12);
            case ADD_TO_CART, REMOVE_FROM_CART -> new CartChange("sku-1", 1, new BigDecimal("19.90"));
            case FAVORITE -> new Favorite("sku-1");
            case PURCHASE -> new Purchase("o-1", lines, new BigDecimal("44.80"), "CNY", "store-7");
            case REFUND -> new Refund("o-1", lines.subList(1, 2), new BigDecimal("5.00"), "CNY", "damaged");
            case REVIEW -> new Review("sku-1", 5, "很好喝", "o-1");
            case COUPON_REDEEMED -> new CouponRedeemed("c-11", "o-1", new BigDecimal("10"), "CNY");
            case AD_IMPRESSION, AD_CLICK -> new AdEvent("wechat", "camp-1", "ad-3", "clk-9", null, null);
            case AD_COST -> new AdEvent("wechat", "camp-1", "ad-3", null, 1_250_000L, "CNY");
            case STOCK_LEVEL -> new StockLevel("store-7", "sku-1", 14);
            case CHAT_MESSAGE -> new ChatMessage("s-1", "customer", "我的订单到哪了？", "order_status", 0.93, -0.2);
            case MESSAGE_DELIVERED, MESSAGE_OPENED, MESSAGE_CLICKED -> new MessageFeedback("act-7", "cart-abandoned", "https://shop.example/c/sku-1");
            case SOCIAL_SHARE, SOCIAL_LIKE -> new SocialInteraction("sku-1", null, "wechat");
        };
    }

    public static CloudEvent event(EventType type) {
        return event(type, "m-" + type.wire(), "u:42", T0);
    }

    /** A valid event of {@code type} for the given channel message id, user key and event time. */
    public static CloudEvent event(EventType type, String messageId, String subject, Instant time) {
        return CloudEvent.of(EventIds.of(Channel.APP, messageId), Channel.APP, type, time, subject,
                time.plusMillis(250), "sess-1", dataFor(type));
    }
}
