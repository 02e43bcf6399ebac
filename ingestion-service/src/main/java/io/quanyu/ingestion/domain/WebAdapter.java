package io.quanyu.ingestion.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventIds;
import io.quanyu.events.EventType;
import io.quanyu.events.UserKey;
import io.quanyu.events.data.EventData;
import io.quanyu.events.data.IdKind;
import io.quanyu.events.data.LinkedId;
import io.quanyu.events.raw.RawWebEvent;
import java.util.List;

/** The web shop tracker: one event per message, epoch-millisecond times, anonymous id always present. */
public final class WebAdapter implements ChannelAdapter {

    @Override
    public Channel channel() {
        return Channel.WEB;
    }

    @Override
    public List<Outcome> adapt(ObjectNode message, AdapterContext ctx) {
        RawWebEvent raw = ctx.decode(message, RawWebEvent.class, "");
        EventType type = Vocabulary.type(raw.event());
        ObjectNode bag = Fields.bag(message, "properties");
        Fields.carry(bag, message, "product_id", "product_id");
        Fields.carry(bag, message, "query", "query");
        Fields.carry(bag, message, "page_url", "url");
        EventData data = Vocabulary.data(type, raw.userId(), List.of(new LinkedId(IdKind.ANONYMOUS_ID, raw.anonymousId())), bag, ctx);
        return List.of(new Outcome.Event(CloudEvent.of(EventIds.of(Channel.WEB, raw.messageId()), Channel.WEB, type,
                ctx.epochMillis(raw.ts(), "ts"), UserKey.of(raw.userId(), raw.anonymousId()), ctx.receivedAt(),
                Fields.text(bag, "session_id"), data)));
    }
}
