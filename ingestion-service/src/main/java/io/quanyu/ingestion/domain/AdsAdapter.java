package io.quanyu.ingestion.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventIds;
import io.quanyu.events.EventType;
import io.quanyu.events.Json;
import io.quanyu.events.ReasonCode;
import io.quanyu.events.UserKey;
import io.quanyu.events.data.AdEvent;
import io.quanyu.events.raw.RawAdEvent;
import java.util.List;
import java.util.Locale;

/**
 * Ad platform reports: impressions and clicks (with the user reference when the platform passes one) and
 * cost reports (keyed by campaign, in micros; negative or missing cost is refused).
 */
public final class AdsAdapter implements ChannelAdapter {

    @Override
    public Channel channel() {
        return Channel.ADS;
    }

    @Override
    public List<Outcome> adapt(ObjectNode message, AdapterContext ctx) {
        RawAdEvent raw = ctx.decode(message, RawAdEvent.class, "");
        EventType type = switch (raw.event().toLowerCase(Locale.ROOT)) {
            case "impression" -> EventType.AD_IMPRESSION;
            case "click" -> EventType.AD_CLICK;
            case "cost" -> EventType.AD_COST;
            default -> throw new Rejected(ReasonCode.UNKNOWN_EVENT, "event '" + raw.event() + "' is not one of [click, cost, impression]");
        };
        if (type == EventType.AD_COST && raw.costMicros() == null) {
            throw new Rejected(ReasonCode.SCHEMA_VIOLATION, "cost_micros: is required for a cost report");
        }
        AdEvent data = ctx.decode(Json.MAPPER.valueToTree(new AdEvent(raw.platform(), raw.campaignId(), raw.adId(),
                raw.clickId(), raw.costMicros(), Fields.text(message, "currency"))), AdEvent.class, "");
        return List.of(new Outcome.Event(CloudEvent.of(EventIds.of(Channel.ADS, raw.platform() + "/" + raw.eventId()),
                Channel.ADS, type, ctx.epochMillis(raw.ts(), "ts"), subject(raw), ctx.receivedAt(), null, data)));
    }

    /** The platform's user reference when it is a user key or an id; reports without one are keyed by campaign. */
    private static String subject(RawAdEvent raw) {
        String ref = raw.userRef();
        if (ref != null && UserKey.isValid(ref)) {
            return ref;
        }
        if (ref != null && !ref.isBlank()) {
            return UserKey.anonymous(ref.trim());
        }
        return UserKey.anonymous("campaign:" + raw.campaignId());
    }
}
