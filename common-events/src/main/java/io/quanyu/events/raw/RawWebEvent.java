package io.quanyu.events.raw;

import io.quanyu.events.validation.Required;
import java.util.Map;

/** A web shop tracker message on {@code raw.web}; {@code ts} is epoch milliseconds. */
public record RawWebEvent(@Required String messageId, @Required String anonymousId, String userId,
                          @Required String event, @Required Long ts, String pageUrl, String productId,
                          String query, Map<String, Object> properties) {
}
