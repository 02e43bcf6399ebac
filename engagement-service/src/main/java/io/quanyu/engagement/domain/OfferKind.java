package io.quanyu.engagement.domain;

import java.util.Locale;

/** What an offer takes off an order. */
public enum OfferKind {
    /** {@code value} percent of the eligible amount. */
    PERCENTAGE,
    /** {@code value} off, at most the order amount. */
    FIXED_AMOUNT,
    /** {@code value} off once the order reaches {@code min_spend}. */
    THRESHOLD,
    /** Shipping waived: no discount on goods (the shipping fee is the shop's). */
    FREE_SHIPPING;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OfferKind parse(String wire) {
        for (OfferKind k : values()) {
            if (k.wire().equals(wire)) {
                return k;
            }
        }
        throw new Invalid("kind must be one of percentage, fixed_amount, threshold, free_shipping, was '" + Text.shorten(wire) + "'");
    }
}
