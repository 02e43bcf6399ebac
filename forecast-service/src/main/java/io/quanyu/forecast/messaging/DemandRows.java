package io.quanyu.forecast.messaging;

import io.quanyu.forecast.domain.Weeks;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.Purchase;
import io.quanyu.events.data.StockLevel;
import io.quanyu.forecast.store.DemandStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What an event on events.v1 means for demand: the lines of a purchase, or a stock count; other types mean nothing. */
public final class DemandRows {

    /** The store of orders placed without one (web shop, app, mini-program). */
    public static final String ONLINE = "online";

    private DemandRows() {
    }

    /** Adds the event's sales or count to the lists; returns whether the event mattered. */
    public static boolean of(CloudEvent e, List<DemandStore.Sale> sales, List<DemandStore.Count> counts) {
        if (e.data() instanceof Purchase p) {
            String store = p.storeId() == null || p.storeId().isBlank() ? ONLINE : p.storeId();
            // The event time is when the order was placed (a POS receipt's checkout, in UTC): it decides the week.
            LocalDate week = Weeks.weekOf(e.time());
            for (int i = 0; i < p.lines().size(); i++) {
                OrderLine l = p.lines().get(i);
                if (!storable(l.productId()) || !storable(store)) {
                    continue;
                }
                BigDecimal price = l.unitPrice() == null ? BigDecimal.ZERO : l.unitPrice();
                sales.add(new DemandStore.Sale(e.id(), i, l.productId(), store, week, l.quantity(), price.multiply(BigDecimal.valueOf(l.quantity()))));
            }
            return true;
        }
        if (e.data() instanceof StockLevel s && storable(s.sku()) && storable(s.storeId())) {
            counts.add(new DemandStore.Count(e.id(), s.sku(), s.storeId(), s.onHand(), e.time()));
            return true;
        }
        return false;
    }

    // PostgreSQL text cannot hold NUL: such an id would fail its batch again on every retry.
    private static boolean storable(String id) {
        return id != null && !id.isBlank() && id.indexOf('\0') < 0;
    }
}
