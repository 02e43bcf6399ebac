package io.quanyu.events.data;

import io.quanyu.events.validation.Checks;
import io.quanyu.events.validation.Required;
import io.quanyu.events.validation.Validatable;

/** A search query, with how many results it showed when the channel knows. */
public record Search(@Required String query, Integer resultCount) implements EventData, Validatable {
    @Override
    public void check(Checks checks) {
        checks.nonNegative("result_count", resultCount);
    }
}
