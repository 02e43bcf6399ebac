package io.quanyu.events.raw;

import io.quanyu.events.data.Money;
import io.quanyu.events.validation.Range;
import io.quanyu.events.validation.Required;

/** An ad platform report on {@code raw.ads}: impression, click or cost; {@code ts} is epoch milliseconds. */
public record RawAdEvent(@Required String platform, @Required String event, @Required String eventId,
                         @Required String campaignId, @Required String adId, String clickId, String userRef,
                         @Range(min = "0", max = Money.MAX_COST_MICROS_TEXT) Long costMicros, @Required Long ts) {
}
