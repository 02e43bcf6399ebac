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
import io.quanyu.events.raw.RawMiniProgramEvent;
import java.time.ZoneId;
import java.util.List;

/** The mini-program / social shop: openid (per app) and unionid (per platform), Asia/Shanghai local times. */
public final class MiniProgramAdapter implements ChannelAdapter {

    /** Mini-program platforms report Beijing time whatever the shop's own zone. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Override
    public Channel channel() {
        return Channel.MINIPROGRAM;
    }

    @Override
    public List<Outcome> adapt(ObjectNode message, AdapterContext ctx) {
        RawMiniProgramEvent raw = ctx.decode(message, RawMiniProgramEvent.class, "");
        EventType type = Vocabulary.type(raw.action());
        ObjectNode bag = Fields.bag(message, "extra");
        Fields.carry(bag, message, "item_id", "product_id");
        String userId = raw.userId() != null ? raw.userId() : Fields.text(bag, "user_id");
        EventData data = Vocabulary.data(type, userId, List.of(new LinkedId(IdKind.OPENID, raw.openid()),
                new LinkedId(IdKind.UNIONID, raw.unionid())), bag, ctx);
        return List.of(new Outcome.Event(CloudEvent.of(EventIds.of(Channel.MINIPROGRAM, raw.msgId()), Channel.MINIPROGRAM,
                type, ctx.localTime(raw.time(), ZONE, "time"), UserKey.of(userId, raw.openid()), ctx.receivedAt(),
                Fields.text(bag, "session_id"), data)));
    }
}
