package io.quanyu.events.data;

import io.quanyu.events.validation.Checks;
import java.math.BigDecimal;

/** Plausibility bounds for money and quantities shared by every payload. */
public final class Money {

    /** A unit price above this is taken as a unit error (cents sent as yuan, a SKU as a price). */
    public static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("1000000");
    /** An order line quantity above this is taken as a data error. */
    public static final int MAX_QUANTITY = 10_000;

    private Money() {
    }

    static void checkPrice(Checks checks, String path, BigDecimal price) {
        checks.nonNegative(path, price);
        checks.atMost(path, price, MAX_UNIT_PRICE);
    }

    static void checkQuantity(Checks checks, String path, Integer quantity) {
        checks.positive(path, quantity);
        checks.atMost(path, quantity, MAX_QUANTITY);
    }
}
