package io.quanyu.chatbot.domain.dialogue;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A coupon the customer can use now, as the engagement service lists it: {@code kind} is percentage, fixed_amount,
 * threshold or free_shipping; {@code value} the percent or amount off, {@code minSpend} the threshold's spend.
 */
public record OfferFacts(String code, String name, String kind, BigDecimal value, BigDecimal minSpend, String currency, Instant expiresAt) {
}
