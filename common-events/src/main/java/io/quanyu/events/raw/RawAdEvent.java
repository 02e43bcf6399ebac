package io.quanyu.events.raw;

import io.quanyu.events.validation.Required;

/** An ad platform report on {@code raw.ads}: impression, click or cost; {@code ts} is epoch milliseconds. */
public record RawAdEvent(@Required String platform, @Required String event, @Required String eventId,
                         @Required String campaignId, @Required String adId, String clickId, String userRef,
                         Long costMicros, @Required Long ts) {
}
