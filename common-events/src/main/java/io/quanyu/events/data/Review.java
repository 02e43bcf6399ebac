package io.quanyu.events.data;

import io.quanyu.events.validation.Checks;
import io.quanyu.events.validation.Required;
import io.quanyu.events.validation.Validatable;

/** A product review: rating 1–5 and its text. */
public record Review(@Required String productId, @Required Integer rating, String text, String orderId)
        implements EventData, Validatable {
    @Override
    public void check(Checks checks) {
        checks.between("rating", rating, 1, 5);
    }
}
