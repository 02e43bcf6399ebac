package io.quanyu.profile.domain.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One thing a customer did, reduced to what the models need: when, which event type (wire name), money and category. */
public record Activity(Instant time, String type, BigDecimal amount, String category) {

    public static final String PRODUCT_VIEW = "product_view";
    public static final String ADD_TO_CART = "add_to_cart";
    public static final String PURCHASE = "purchase";
    public static final String REFUND = "refund";
    public static final String REVIEW = "review";

    public Activity {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
        // Monetary features sum these; a purchase without an amount would silently count as free.
        if ((PURCHASE.equals(type) || REFUND.equals(type)) && amount == null) {
            throw new IllegalArgumentException(type + " at " + time + " has no amount");
        }
    }

    public boolean isPurchase() {
        return PURCHASE.equals(type);
    }
}
