package io.quanyu.events.data;

import io.quanyu.events.validation.Required;

/** A product marked as a favourite (收藏). */
public record Favorite(@Required String productId) implements EventData {
}
