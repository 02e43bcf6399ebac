package io.quanyu.events.data;

import io.quanyu.events.validation.Range;
import io.quanyu.events.validation.Required;

/** A product review: rating 1–5 and its text. */
public record Review(@Required String productId, @Required @Range(min = "1", max = "5") Integer rating, String text, String orderId)
        implements EventData {
}
