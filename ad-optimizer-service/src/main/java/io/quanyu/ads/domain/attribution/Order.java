package io.quanyu.ads.domain.attribution;

import io.quanyu.ads.domain.Micros;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A purchase to attribute (from a {@code purchase} event on any channel): the buyer's canonical user key, when, the
 * order id and the amount in micros of the shop's single reporting currency (the service converts other currencies
 * before attributing).
 */
public record Order(String userKey, Instant time, String orderId, long amountMicros) {

    public Order {
        Objects.requireNonNull(userKey, "userKey");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(orderId, "orderId");
        if (amountMicros < 0) {
            throw new IllegalArgumentException("order " + orderId + " has a negative amount");
        }
    }

    /** An order from a decimal amount in currency units (as in the purchase event). */
    public static Order of(String userKey, Instant time, String orderId, BigDecimal amount) {
        return new Order(userKey, time, orderId, Micros.of(amount));
    }
}
