package io.quanyu.profile.messaging;

import io.quanyu.events.Channel;
import io.quanyu.events.ChatTurn;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.data.ChatMessage;

/**
 * Reads a turn of chat.transcripts.v1 as the {@code chat_message} event a portrait counts: the customer's words with
 * the intent and sentiment the chatbot found, under the turn's user key and id.
 */
final class ChatTurns {

    private ChatTurns() {
    }

    static Decoded<CloudEvent> asEvent(byte[] value) {
        return EventCodec.decode(value, ChatTurn.class).flatMap(t -> new Decoded.Ok<>(CloudEvent.of(t.turnId(),
                Channel.parse(t.channel()).orElse(Channel.WEB), EventType.CHAT_MESSAGE, t.at(), t.userKey(), t.at(), t.sessionId(),
                new ChatMessage(t.sessionId(), "customer", t.text(), t.intent(), Math.max(0, Math.min(1, t.confidence())),
                        Math.max(-1, Math.min(1, t.sentiment()))))));
    }
}
