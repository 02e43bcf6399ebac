package io.quanyu.chatbot.domain.dialogue;

import java.math.BigDecimal;

/** A catalog product as a reply tells it: name, price and whether it is in stock (null when the catalog does not say). */
public record ProductFacts(String productId, String name, BigDecimal price, String currency, Boolean inStock, String category) {
}
