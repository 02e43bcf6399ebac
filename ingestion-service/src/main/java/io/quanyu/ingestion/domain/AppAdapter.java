package io.quanyu.ingestion.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventIds;
import io.quanyu.events.EventType;
import io.quanyu.events.ReasonCode;
import io.quanyu.events.UserKey;
import io.quanyu.events.data.EventData;
import io.quanyu.events.data.IdKind;
import io.quanyu.events.data.LinkedId;
import io.quanyu.events.raw.RawAppEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The app SDK's batched uploads: one device, many events with ISO-8601 times. A bad event fails alone;
 * its failure carries the batch header with just that event, so it can be fixed and replayed.
 */
public final class AppAdapter implements ChannelAdapter {

    @Override
    public Channel channel() {
        return Channel.APP;
    }

    @Override
    public List<Outcome> adapt(ObjectNode message, AdapterContext ctx) {
        String deviceId = required(message, "device_id");
        required(message, "app_version");
        required(message, "os");
        JsonNode events = message.get("events");
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw new Rejected(ReasonCode.SCHEMA_VIOLATION, "events: is required (a non-empty array)");
        }
        String batchUser = Fields.text(message, "user_id");
        List<Outcome> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            JsonNode item = events.get(i);
            try {
                out.add(new Outcome.Event(event(item, i, deviceId, batchUser, ctx)));
            } catch (Rejected r) {
                out.add(new Outcome.Failure(r.code(), "events[" + i + "]: " + r.getMessage(), EventCodec.encode(alone(message, item))));
            }
        }
        return out;
    }

    private static CloudEvent event(JsonNode item, int index, String deviceId, String batchUser, AdapterContext ctx) {
        RawAppEvent raw = ctx.decode(item, RawAppEvent.class, "");
        EventType type = Vocabulary.type(raw.name());
        ObjectNode bag = Fields.bag(item, "params");
        String userId = batchUser != null ? batchUser : Fields.text(bag, "user_id");
        if (type == EventType.PAGE_VIEW && !bag.hasNonNull("url") && bag.hasNonNull("screen")) {
            bag.put("url", "app://screen/" + bag.get("screen").asText());
        }
        EventData data = Vocabulary.data(type, userId, List.of(new LinkedId(IdKind.DEVICE_ID, deviceId)), bag, ctx);
        return CloudEvent.of(EventIds.of(Channel.APP, raw.eventId()), Channel.APP, type, ctx.eventTime(raw.timestamp().toInstant(), "timestamp"),
                UserKey.of(userId, deviceId), ctx.receivedAt(), Fields.text(bag, "session_id"), data);
    }

    private static String required(JsonNode message, String field) {
        String v = Fields.text(message, field);
        if (v == null) {
            throw new Rejected(ReasonCode.SCHEMA_VIOLATION, field + ": is required");
        }
        return v;
    }

    /** The batch with only one of its events: the replayable form of that event. */
    private static ObjectNode alone(ObjectNode batch, JsonNode item) {
        ObjectNode copy = batch.deepCopy();
        ArrayNode one = copy.putArray("events");
        one.add(item);
        return copy;
    }
}
