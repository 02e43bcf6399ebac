package io.quanyu.ingestion.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quanyu.events.EventType;
import io.quanyu.events.ReasonCode;
import io.quanyu.events.data.EventData;
import io.quanyu.events.data.IdKind;
import io.quanyu.events.data.Identify;
import io.quanyu.events.data.LinkedId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The clickstream vocabulary shared by the web, app and mini-program channels: event names (with the
 * aliases SDKs use) mapped to event types, and the typed payload built from a channel's fields.
 */
final class Vocabulary {

    private static final Map<String, EventType> NAMES = Map.ofEntries(
            Map.entry("page_view", EventType.PAGE_VIEW), Map.entry("screen_view", EventType.PAGE_VIEW),
            Map.entry("view_page", EventType.PAGE_VIEW),
            Map.entry("product_view", EventType.PRODUCT_VIEW), Map.entry("view_item", EventType.PRODUCT_VIEW),
            Map.entry("search", EventType.SEARCH),
            Map.entry("add_to_cart", EventType.ADD_TO_CART), Map.entry("add_cart", EventType.ADD_TO_CART),
            Map.entry("remove_from_cart", EventType.REMOVE_FROM_CART), Map.entry("remove_cart", EventType.REMOVE_FROM_CART),
            Map.entry("favorite", EventType.FAVORITE), Map.entry("favourite", EventType.FAVORITE), Map.entry("collect", EventType.FAVORITE),
            Map.entry("checkout", EventType.PURCHASE), Map.entry("purchase", EventType.PURCHASE),
            Map.entry("order_completed", EventType.PURCHASE), Map.entry("pay", EventType.PURCHASE),
            Map.entry("refund", EventType.REFUND),
            Map.entry("review", EventType.REVIEW), Map.entry("rate", EventType.REVIEW),
            Map.entry("coupon_redeemed", EventType.COUPON_REDEEMED), Map.entry("use_coupon", EventType.COUPON_REDEEMED),
            Map.entry("login", EventType.IDENTIFY), Map.entry("signup", EventType.IDENTIFY),
            Map.entry("register", EventType.IDENTIFY), Map.entry("authorize", EventType.IDENTIFY),
            // Feedback on the messages the suite sent, from the shop's push, SMS or e-mail gateway or the app itself.
            Map.entry("message_delivered", EventType.MESSAGE_DELIVERED), Map.entry("push_delivered", EventType.MESSAGE_DELIVERED),
            Map.entry("message_opened", EventType.MESSAGE_OPENED), Map.entry("message_open", EventType.MESSAGE_OPENED),
            Map.entry("push_open", EventType.MESSAGE_OPENED),
            Map.entry("message_clicked", EventType.MESSAGE_CLICKED), Map.entry("message_click", EventType.MESSAGE_CLICKED),
            Map.entry("push_click", EventType.MESSAGE_CLICKED),
            // Social interactions: WeChat's onShareAppMessage/onShareTimeline, a like on a post or a product.
            Map.entry("share", EventType.SOCIAL_SHARE), Map.entry("social_share", EventType.SOCIAL_SHARE),
            Map.entry("share_app_message", EventType.SOCIAL_SHARE), Map.entry("share_timeline", EventType.SOCIAL_SHARE),
            Map.entry("like", EventType.SOCIAL_LIKE), Map.entry("social_like", EventType.SOCIAL_LIKE), Map.entry("thumbs_up", EventType.SOCIAL_LIKE));

    /** Fields of the bag that describe the event rather than the person: never copied into traits. */
    private static final Set<String> NOT_TRAITS = Set.of("user_id", "anonymous_id", "device_id", "openid", "unionid",
            "member_card", "phone_hash", "email_hash", "session_id", "url", "page_url", "title", "referrer");

    private Vocabulary() {
    }

    /** The type of a channel event name; a {@link Rejected} with {@code unknown_event} otherwise. */
    static EventType type(String name) {
        EventType type = name == null ? null : NAMES.get(name.trim().toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new Rejected(ReasonCode.UNKNOWN_EVENT, "event '" + name + "' is not one of " + new java.util.TreeSet<>(NAMES.keySet()));
        }
        return type;
    }

    /**
     * The payload of a clickstream event from its fields in {@code bag} (canonical snake_case names; the
     * channel has merged its own fields and properties into it). Defaults: quantity 1, currency CNY,
     * purchase amount = sum of lines.
     */
    static EventData payload(EventType type, ObjectNode bag, AdapterContext ctx) {
        ObjectNode data = bag.deepCopy();
        if (!data.hasNonNull("url") && data.hasNonNull("page_url")) {
            data.set("url", data.get("page_url"));
        }
        switch (type) {
            case ADD_TO_CART, REMOVE_FROM_CART -> {
                if (!data.hasNonNull("quantity")) {
                    data.put("quantity", 1);
                }
                if (!data.hasNonNull("unit_price") && data.hasNonNull("price")) {
                    data.set("unit_price", data.get("price"));
                }
            }
            case PURCHASE, REFUND, COUPON_REDEEMED -> {
                if (!data.hasNonNull("currency")) {
                    data.put("currency", "CNY");
                }
                if (type == EventType.PURCHASE && !data.hasNonNull("amount")) {
                    data.put("amount", linesTotal(data.get("lines")));
                }
            }
            default -> {
            }
        }
        return ctx.decode(data, type.dataType(), "data");
    }

    /**
     * The payload of any clickstream event: for a login or registration, the identify linking the user id
     * to {@code channelIds}; otherwise the typed payload built from {@code bag}.
     */
    static EventData data(EventType type, String userId, List<LinkedId> channelIds, ObjectNode bag, AdapterContext ctx) {
        return type == EventType.IDENTIFY ? identify(userId, channelIds, bag) : payload(type, bag, ctx);
    }

    /** An identify event's payload: the user id, every id the message links, and the person's traits. */
    static Identify identify(String userId, List<LinkedId> channelIds, ObjectNode bag) {
        if (userId == null || userId.isBlank()) {
            throw new Rejected(ReasonCode.SCHEMA_VIOLATION, "user_id: is required for a login or registration");
        }
        List<LinkedId> links = new ArrayList<>();
        for (LinkedId id : channelIds) {
            if (id.value() != null && !id.value().isBlank()) {
                links.add(id);
            }
        }
        addLink(links, IdKind.MEMBER_CARD, bag.get("member_card"));
        addLink(links, IdKind.PHONE_HASH, bag.get("phone_hash"));
        addLink(links, IdKind.EMAIL_HASH, bag.get("email_hash"));
        Map<String, String> traits = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = bag.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getValue().isValueNode() && !f.getValue().isNull() && !NOT_TRAITS.contains(f.getKey())) {
                traits.put(f.getKey(), f.getValue().asText());
            }
        }
        return new Identify(userId.trim(), List.copyOf(links), traits.isEmpty() ? null : traits);
    }

    private static void addLink(List<LinkedId> links, IdKind kind, JsonNode value) {
        if (value != null && value.isValueNode() && !value.asText().isBlank()) {
            links.add(new LinkedId(kind, value.asText().trim()));
        }
    }

    private static BigDecimal linesTotal(JsonNode lines) {
        BigDecimal total = BigDecimal.ZERO;
        if (lines != null && lines.isArray()) {
            for (JsonNode line : lines) {
                if (line.path("unit_price").isNumber() && line.path("quantity").isNumber()) {
                    total = total.add(line.get("unit_price").decimalValue().multiply(BigDecimal.valueOf(line.get("quantity").asLong())));
                }
            }
        }
        return total;
    }
}
