package io.quanyu.events.data;

import io.quanyu.events.validation.Range;
import io.quanyu.events.validation.Required;

/** A search query, with how many results it showed when the channel knows. */
public record Search(@Required String query, @Range(min = "0", max = Money.MAX_COUNT_TEXT) Integer resultCount) implements EventData {
}
