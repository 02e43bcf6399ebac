package io.quanyu.events.raw;

import io.quanyu.events.validation.Required;
import java.time.OffsetDateTime;
import java.util.Map;

/** One event inside an app SDK upload; {@code timestamp} is ISO-8601 with an offset. */
public record RawAppEvent(@Required String eventId, @Required String name, @Required OffsetDateTime timestamp,
                          Map<String, Object> params) {
}
