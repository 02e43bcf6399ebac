package io.quanyu.testkit.replay;

import io.quanyu.events.Channel;
import io.quanyu.events.EventCodec;
import io.quanyu.events.raw.RawAppBatch;
import io.quanyu.events.raw.RawAppEvent;
import io.quanyu.events.raw.RawCatalogProduct;
import io.quanyu.events.raw.RawMiniProgramEvent;
import io.quanyu.events.raw.RawReceiptLine;
import io.quanyu.events.raw.RawStoreReceipt;
import io.quanyu.events.raw.RawWebEvent;
import io.quanyu.testkit.replay.Interaction.Kind;
import io.quanyu.testkit.replay.MovieLensData.Movie;
import io.quanyu.testkit.replay.MovieLensData.User;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes derived events in each channel's raw format (DESIGN.md §2), batching app events like an SDK does. */
final class RawEncoder {

    /** Mini-program and POS clocks are Beijing time; app devices report their +08:00 offset. */
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneOffset DEVICE_OFFSET = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final String CURRENCY = "CNY";
    static final String BRAND = "movielens";
    /** An SDK uploads at most this many events at once. */
    static final int MAX_BATCH = 20;
    /** A quiet gap this long ends an app session, and the SDK uploads what it has buffered. */
    private static final long SESSION_GAP_SECONDS = 30 * 60;

    private final MovieLensData data;

    RawEncoder(MovieLensData data) {
        this.data = data;
    }

    /** One product per movie, in id order, keyed by product id (the catalog topic's compaction key). */
    List<RawMessage> catalog() {
        List<RawMessage> out = new ArrayList<>(data.movies().size());
        for (Movie m : data.movies().values()) {
            RawCatalogProduct p = new RawCatalogProduct(m.productId(), m.title(), m.description(), m.category(), BRAND,
                    m.price(), CURRENCY, Boolean.TRUE);
            out.add(new RawMessage(Channel.CATALOG.rawTopic(), m.productId(), EventCodec.encode(p)));
        }
        return out;
    }

    /**
     * The raw messages of a timeline in the order they would reach Kafka: each at the time of its event,
     * an app batch at the time of its last event (when the SDK uploads it).
     */
    List<RawMessage> interactions(List<Interaction> timeline) {
        // Slot i holds the message sent at event i; most app events leave their slot empty.
        RawMessage[] slots = new RawMessage[timeline.size()];
        Map<Integer, AppBuffer> buffers = new HashMap<>();
        for (int i = 0; i < timeline.size(); i++) {
            Interaction e = timeline.get(i);
            switch (e.channel()) {
                case WEB -> slots[i] = web(e);
                case MINIPROGRAM -> slots[i] = miniProgram(e);
                case STORE -> slots[i] = receipt(e);
                case APP -> {
                    AppBuffer buffer = buffers.computeIfAbsent(e.uid(), uid -> new AppBuffer());
                    if (!buffer.events.isEmpty() && e.epochSecond() - buffer.lastSecond > SESSION_GAP_SECONDS) {
                        slots[buffer.lastIndex] = buffer.flush(e.uid());
                    }
                    buffer.add(i, e.epochSecond(), appEvent(e));
                    // SDKs upload at once after a login, so the identity reaches the server before what follows.
                    if (buffer.events.size() >= MAX_BATCH || e.kind() == Kind.LOGIN) {
                        slots[i] = buffer.flush(e.uid());
                    }
                }
                default -> throw new IllegalStateException("no replay events on " + e.channel());
            }
        }
        for (Map.Entry<Integer, AppBuffer> b : buffers.entrySet()) {
            if (!b.getValue().events.isEmpty()) {
                slots[b.getValue().lastIndex] = b.getValue().flush(b.getKey());
            }
        }
        List<RawMessage> out = new ArrayList<>(timeline.size());
        for (RawMessage m : slots) {
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }

    /** App events of one device not yet uploaded. */
    private static final class AppBuffer {
        final List<RawAppEvent> events = new ArrayList<>(MAX_BATCH);
        int lastIndex;
        long lastSecond;

        void add(int index, long second, RawAppEvent event) {
            events.add(event);
            lastIndex = index;
            lastSecond = second;
        }

        RawMessage flush(int uid) {
            String device = ReplayIds.deviceId(uid);
            RawAppBatch batch = new RawAppBatch(device, ReplayIds.userId(uid), "4.2.0", uid % 3 == 0 ? "ios" : "android",
                    List.copyOf(events));
            // A login binding a member card is the shop's member system speaking: only it may link the card.
            boolean binding = events.stream().anyMatch(e -> e.params() != null && e.params().containsKey("member_card"));
            events.clear();
            return new RawMessage(Channel.APP.rawTopic(), device, EventCodec.encode(batch), binding);
        }
    }

    private RawMessage web(Interaction e) {
        String anon = ReplayIds.anonymousId(e.uid());
        String productId = e.kind() == Kind.VIEW || e.kind() == Kind.REVIEW ? ReplayIds.productId(e.item()) : null;
        String event = switch (e.kind()) {
            case LOGIN -> "login";
            case VIEW -> "product_view";
            case REVIEW -> "review";
            case PURCHASE -> "checkout";
        };
        RawWebEvent raw = new RawWebEvent(ReplayIds.messageId(Channel.WEB, e.uid(), e.item(), e.kind()), anon,
                ReplayIds.userId(e.uid()), event, e.epochSecond() * 1000, null, productId, null, bag(e, false));
        return new RawMessage(Channel.WEB.rawTopic(), anon, EventCodec.encode(raw));
    }

    private RawAppEvent appEvent(Interaction e) {
        String name = switch (e.kind()) {
            case LOGIN -> "login";
            case VIEW -> "product_view";
            case REVIEW -> "review";
            case PURCHASE -> "purchase";
        };
        Map<String, Object> params = bag(e, true);
        if (e.kind() == Kind.VIEW || e.kind() == Kind.REVIEW) {
            params.put("product_id", ReplayIds.productId(e.item()));
        }
        OffsetDateTime at = Instant.ofEpochSecond(e.epochSecond()).atOffset(DEVICE_OFFSET);
        return new RawAppEvent(ReplayIds.messageId(Channel.APP, e.uid(), e.item(), e.kind()), name, at, params);
    }

    private RawMessage miniProgram(Interaction e) {
        String openid = ReplayIds.openid(e.uid());
        String action = switch (e.kind()) {
            case LOGIN -> "login";
            case VIEW -> "product_view";
            case REVIEW -> "review";
            case PURCHASE -> "pay";
        };
        String itemId = e.kind() == Kind.VIEW || e.kind() == Kind.REVIEW ? ReplayIds.productId(e.item()) : null;
        RawMiniProgramEvent raw = new RawMiniProgramEvent(ReplayIds.messageId(Channel.MINIPROGRAM, e.uid(), e.item(), e.kind()),
                openid, ReplayIds.unionid(e.uid()), ReplayIds.userId(e.uid()), action, local(e.epochSecond()), itemId, bag(e, false));
        return new RawMessage(Channel.MINIPROGRAM.rawTopic(), openid, EventCodec.encode(raw));
    }

    private RawMessage receipt(Interaction e) {
        Movie m = data.movie(e.item());
        String store = ReplayIds.storeId(e.uid());
        RawStoreReceipt raw = new RawStoreReceipt(store, ReplayIds.receiptNo(e.uid(), e.item()), ReplayIds.memberCard(e.uid()),
                null, local(e.epochSecond()), SHANGHAI.getId(), List.of(new RawReceiptLine(m.productId(), 1, m.price())),
                m.price(), CURRENCY);
        return new RawMessage(Channel.STORE.rawTopic(), store, EventCodec.encode(raw));
    }

    /**
     * The properties / params / extra of an event: traits for a login (plus the member card of a store
     * customer, which links the card to the user), category and price for a view, the rating for a review,
     * the order for a purchase. Insertion-ordered so that the bytes are the same on every run.
     */
    private Map<String, Object> bag(Interaction e, boolean app) {
        Map<String, Object> bag = new LinkedHashMap<>();
        switch (e.kind()) {
            case LOGIN -> {
                User u = data.user(e.uid());
                if (app && ReplayIds.mainChannel(e.uid()) == Channel.STORE) {
                    bag.put("member_card", ReplayIds.memberCard(e.uid()));
                }
                bag.put("age", u.age());
                bag.put("gender", u.gender());
                bag.put("occupation", u.occupation());
                bag.put("zip", u.zip());
            }
            case VIEW -> {
                Movie m = data.movie(e.item());
                bag.put("category", m.category());
                bag.put("price", m.price());
            }
            case REVIEW -> bag.put("rating", e.rating());
            case PURCHASE -> {
                Movie m = data.movie(e.item());
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("product_id", m.productId());
                line.put("quantity", 1);
                line.put("unit_price", m.price());
                bag.put("order_id", ReplayIds.orderId(e.uid(), e.item()));
                bag.put("lines", List.of(line));
                bag.put("amount", m.price());
                bag.put("currency", CURRENCY);
            }
        }
        return bag;
    }

    private static String local(long epochSecond) {
        return LOCAL.format(Instant.ofEpochSecond(epochSecond).atZone(SHANGHAI));
    }
}
