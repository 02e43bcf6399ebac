package io.quanyu.events.data;

import java.math.BigDecimal;

/**
 * Plausibility bounds for money, quantities and counts shared by every payload, raw and normalized. They are
 * {@link io.quanyu.events.validation.Range} values (hence strings), and every store downstream is sized to hold them:
 * an amount fits {@code numeric(14,2)}, an amount in micros and a sum of a million of them fit {@code bigint}.
 */
public final class Money {

    /** A unit price above this is taken as a unit error (cents sent as yuan, a SKU as a price). */
    public static final String MAX_UNIT_PRICE_TEXT = "1000000";
    public static final BigDecimal MAX_UNIT_PRICE = new BigDecimal(MAX_UNIT_PRICE_TEXT);
    /** An order line quantity above this is taken as a data error. */
    public static final String MAX_QUANTITY_TEXT = "10000";
    public static final int MAX_QUANTITY = Integer.parseInt(MAX_QUANTITY_TEXT);
    /** An order, refund or discount total above this (a hundred million in any currency) is a data error. */
    public static final String MAX_AMOUNT_TEXT = "100000000";
    public static final BigDecimal MAX_AMOUNT = new BigDecimal(MAX_AMOUNT_TEXT);
    /** One ad cost report above this many micros (a hundred million currency units) is a data error. */
    public static final String MAX_COST_MICROS_TEXT = "100000000000000";
    /** Units on hand above this in one store are a data error. */
    public static final String MAX_ON_HAND_TEXT = "100000000";
    /** A count reported by a channel (search results) above this is a data error. */
    public static final String MAX_COUNT_TEXT = "1000000000";

    private Money() {
    }
}
