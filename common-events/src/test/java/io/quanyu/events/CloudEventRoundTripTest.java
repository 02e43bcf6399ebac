package io.quanyu.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.events.data.Purchase;
import io.quanyu.events.serde.CloudEventDeserializer;
import io.quanyu.events.serde.CloudEventSerializer;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class CloudEventRoundTripTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTypeReadsBackEqual(EventType type) {
        CloudEvent event = SampleEvents.event(type);
        byte[] bytes = new CloudEventSerializer().serialize(Topics.EVENTS, event);
        CloudEvent back = new CloudEventDeserializer().deserialize(Topics.EVENTS, bytes);
        assertThat(back).isEqualTo(event);
        assertThat(back.data()).isInstanceOf(type.dataType());
    }

    @Test
    void wireFormatIsCloudEventsStructuredMode() throws Exception {
        JsonNode node = Json.MAPPER.readTree(EventCodec.encode(SampleEvents.event(EventType.PURCHASE)));
        assertThat(node.get("specversion").asText()).isEqualTo("1.0");
        assertThat(node.get("source").asText()).isEqualTo("/channel/app");
        assertThat(node.get("type").asText()).isEqualTo("purchase");
        assertThat(node.get("time").asText()).isEqualTo("2026-11-11T02:30:00.123Z");
        assertThat(node.get("receivedat").asText()).isEqualTo("2026-11-11T02:30:00.373Z");
        assertThat(node.get("sessionid").asText()).isEqualTo("sess-1");
        assertThat(node.get("schemaversion").asInt()).isEqualTo(1);
        assertThat(node.at("/data/order_id").asText()).isEqualTo("o-1");
        assertThat(node.at("/data/lines/0/unit_price").decimalValue()).isEqualByComparingTo("19.90");
        assertThat(node.has("sessionId")).isFalse();
    }

    @Test
    void moneyKeepsItsScale() {
        CloudEvent back = ((Decoded.Ok<CloudEvent>) EventCodec.decodeEvent(EventCodec.encode(SampleEvents.event(EventType.PURCHASE)))).value();
        assertThat(back.data(Purchase.class).amount().toPlainString()).isEqualTo("44.80");
    }

    @Test
    void failedEventCarriesTheOriginalBytesAsBase64() throws Exception {
        byte[] raw = "{\"broken\": ".getBytes();
        FailedEvent failed = FailedEvent.of(ReasonCode.UNPARSEABLE, "not JSON", Channel.WEB, raw, SampleEvents.T0)
                .at(Topics.RAW_WEB, 3, 99L);
        JsonNode node = Json.MAPPER.readTree(EventCodec.encode(failed));
        assertThat(node.get("reason_code").asText()).isEqualTo("unparseable");
        assertThat(node.get("channel").asText()).isEqualTo("web");
        assertThat(Base64.getDecoder().decode(node.get("raw").asText())).isEqualTo(raw);
        assertThat(node.get("failed_at").asText()).isEqualTo("2026-11-11T02:30:00.123Z");
        FailedEvent back = ((Decoded.Ok<FailedEvent>) EventCodec.decode(EventCodec.encode(failed), FailedEvent.class)).value();
        assertThat(back.raw()).isEqualTo(raw);
        assertThat(back.sourceOffset()).isEqualTo(99L);
        assertThat(back.reasonCode()).isEqualTo(ReasonCode.UNPARSEABLE);
    }

    @Test
    void eventIdsAreStablePerChannelMessageAndPart() {
        assertThat(EventIds.of(Channel.WEB, "m1")).isEqualTo(EventIds.of(Channel.WEB, "m1"));
        assertThat(EventIds.of(Channel.WEB, "m1")).isNotEqualTo(EventIds.of(Channel.APP, "m1"));
        assertThat(EventIds.of(Channel.WEB, "m1", "identify")).isNotEqualTo(EventIds.of(Channel.WEB, "m1"));
        assertThat(EventIds.of(Channel.STORE, "r1", "0")).isNotEqualTo(EventIds.of(Channel.STORE, "r1", "1"));
    }

    @Test
    void userKeys() {
        assertThat(UserKey.of("42", "anon")).isEqualTo("u:42");
        assertThat(UserKey.of(" ", "anon")).isEqualTo("a:anon");
        assertThat(UserKey.isValid("u:")).isFalse();
        assertThat(UserKey.isValid("x:42")).isFalse();
        assertThat(UserKey.isKnown("u:42")).isTrue();
        assertThat(UserKey.id("a:anon")).isEqualTo("anon");
    }
}
