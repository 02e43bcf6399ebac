package io.quanyu.chatbot.domain.dialogue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The status of an order told from its events: refunded (in full or in part), bought in a store, or on its way with
 * the delivery window of the published promise (2 to 4 working days after the order; the FAQ says the same).
 */
public enum OrderStatus {
    REFUNDED, PARTIALLY_REFUNDED, IN_STORE, PROCESSING, IN_TRANSIT, DUE;

    static final int EARLIEST_WORKING_DAYS = 2;
    static final int LATEST_WORKING_DAYS = 4;
    /** Dates in replies are the shop's dates. */
    public static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Shanghai");

    static OrderStatus of(OrderFacts o, Instant now) {
        if (o.refunded().signum() > 0) {
            return o.refunded().compareTo(o.amount()) >= 0 ? REFUNDED : PARTIALLY_REFUNDED;
        }
        if (o.storeId() != null) {
            return IN_STORE;
        }
        LocalDate today = LocalDate.ofInstant(now, SHOP_ZONE);
        if (!today.isAfter(LocalDate.ofInstant(o.placedAt(), SHOP_ZONE))) {
            return PROCESSING;
        }
        return today.isAfter(latestDelivery(o)) ? DUE : IN_TRANSIT;
    }

    public static LocalDate earliestDelivery(OrderFacts o) {
        return addWorkingDays(LocalDate.ofInstant(o.placedAt(), SHOP_ZONE), EARLIEST_WORKING_DAYS);
    }

    public static LocalDate latestDelivery(OrderFacts o) {
        return addWorkingDays(LocalDate.ofInstant(o.placedAt(), SHOP_ZONE), LATEST_WORKING_DAYS);
    }

    static LocalDate addWorkingDays(LocalDate from, int days) {
        LocalDate d = from;
        for (int left = days; left > 0; ) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }
}
