package io.quanyu.ingestion.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventIds;
import io.quanyu.events.EventType;
import io.quanyu.events.ReasonCode;
import io.quanyu.events.UserKey;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.Purchase;
import io.quanyu.events.data.StockLevel;
import io.quanyu.events.raw.RawReceiptLine;
import io.quanyu.events.raw.RawStockCount;
import io.quanyu.events.raw.RawStoreReceipt;
import java.util.List;

/**
 * Store POS: receipts become purchases (customer known by member card or hashed phone, else anonymous
 * per receipt) and stock counts become stock levels; local times use the store's zone.
 */
public final class StoreAdapter implements ChannelAdapter {

    @Override
    public Channel channel() {
        return Channel.STORE;
    }

    @Override
    public List<Outcome> adapt(ObjectNode message, AdapterContext ctx) {
        if (message.has("receipt_no")) {
            return List.of(new Outcome.Event(receipt(message, ctx)));
        }
        if (message.has("on_hand")) {
            return List.of(new Outcome.Event(stock(message, ctx)));
        }
        throw new Rejected(ReasonCode.SCHEMA_VIOLATION, "neither a receipt (receipt_no) nor a stock count (on_hand)");
    }

    private static CloudEvent receipt(ObjectNode message, AdapterContext ctx) {
        RawStoreReceipt r = ctx.decode(message, RawStoreReceipt.class, "");
        List<OrderLine> lines = r.lines().stream()
                .map((RawReceiptLine l) -> new OrderLine(l.sku(), l.qty(), l.unitPrice())).toList();
        Purchase purchase = ctx.decode(io.quanyu.events.Json.MAPPER.valueToTree(
                new Purchase(r.storeId() + "/" + r.receiptNo(), lines, r.total(), r.currency(), r.storeId())), Purchase.class, "data");
        String customer = r.memberCard() != null ? "card:" + r.memberCard()
                : r.phoneHash() != null ? "phone:" + r.phoneHash()
                : "receipt:" + r.storeId() + "/" + r.receiptNo();
        String messageId = r.storeId() + "/" + r.receiptNo();
        return CloudEvent.of(EventIds.of(Channel.STORE, messageId), Channel.STORE, EventType.PURCHASE,
                ctx.localTime(r.checkoutTime(), ctx.zoneOf(r.storeId(), r.timeZone()), "checkout_time"),
                UserKey.anonymous(customer), ctx.receivedAt(), null, purchase);
    }

    private static CloudEvent stock(ObjectNode message, AdapterContext ctx) {
        RawStockCount s = ctx.decode(message, RawStockCount.class, "");
        StockLevel level = ctx.decode(io.quanyu.events.Json.MAPPER.valueToTree(new StockLevel(s.storeId(), s.sku(), s.onHand())),
                StockLevel.class, "");
        String messageId = "stock/" + s.storeId() + "/" + s.sku() + "/" + s.countedAt();
        // Stock has no customer: keyed by store so one store's counts stay in order.
        return CloudEvent.of(EventIds.of(Channel.STORE, messageId), Channel.STORE, EventType.STOCK_LEVEL,
                ctx.localTime(s.countedAt(), ctx.zoneOf(s.storeId(), s.timeZone()), "counted_at"),
                UserKey.anonymous("store:" + s.storeId()), ctx.receivedAt(), null, level);
    }
}
