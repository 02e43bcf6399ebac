package io.quanyu.ingestion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventCodec;
import io.quanyu.events.ReasonCode;
import io.quanyu.events.data.IdKind;
import io.quanyu.events.data.Identify;
import io.quanyu.events.data.LinkedId;
import io.quanyu.events.data.ProductView;
import io.quanyu.events.data.Search;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NormalizerTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-11T13:00:00Z");
    private static final long NOW_MS = RECEIVED.toEpochMilli();
    private final PiiScrubber scrubber = new PiiScrubber("test-secret-0123456789");
    private final Normalizer normalizer = new Normalizer(Normalizer.standardAdapters(), scrubber, 4096,
            ZoneId.of("Asia/Shanghai"), Map.<String, ZoneId>of()::get, TimeBounds.DEFAULT);

    private List<Outcome> web(String json) {
        return normalizer.normalize(Channel.WEB, json.getBytes(StandardCharsets.UTF_8), RECEIVED);
    }

    private static Outcome.Failure failure(List<Outcome> out) {
        assertThat(out).hasSize(1).first().isInstanceOf(Outcome.Failure.class);
        return (Outcome.Failure) out.getFirst();
    }

    private static CloudEvent event(List<Outcome> out) {
        assertThat(out).hasSize(1).first().isInstanceOf(Outcome.Event.class);
        return ((Outcome.Event) out.getFirst()).event();
    }

    private static String text(byte[] raw) {
        return new String(raw, StandardCharsets.UTF_8);
    }

    @Test
    void oversizedMessageIsTooLargeAndKeepsItsHead() {
        String big = "{\"message_id\":\"m\",\"pad\":\"" + "x".repeat(5000) + "\"}";
        Outcome.Failure f = failure(web(big));
        assertThat(f.code()).isEqualTo(ReasonCode.TOO_LARGE);
        assertThat(f.detail()).contains(big.getBytes(StandardCharsets.UTF_8).length + " bytes exceeds the limit of 4096");
        assertThat(f.raw()).hasSize(4096);
    }

    @Test
    void scrubbingAHugeRunOfLettersIsLinearNotCatastrophic() {
        // Quadratic backtracking here once stalled the whole stream on one 256 KiB message.
        byte[] huge = ("x".repeat(200_000) + "@" + "y".repeat(60_000) + " 1381234567").getBytes(StandardCharsets.UTF_8);
        byte[] out = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> scrubber.scrubBytes(huge));
        assertThat(out).isEqualTo(huge);
    }

    @Test
    void brokenJsonIsUnparseableWithItsPositionAndPersonalDataHashed() {
        Outcome.Failure f = failure(web("{\"message_id\":\"m1\", \"phone\":\"13812345678\", \"email\":\"bob@example.com\""));
        assertThat(f.code()).isEqualTo(ReasonCode.UNPARSEABLE);
        assertThat(f.detail()).startsWith("not JSON: ").contains("line 1");
        assertThat(text(f.raw())).doesNotContain("13812345678").doesNotContain("bob@example.com")
                .contains("[phone:" + scrubber.hashPhone("13812345678") + "]");
        assertThat(failure(web("{\"a\":1} trailing")).code()).isEqualTo(ReasonCode.UNPARSEABLE);
        assertThat(failure(web("[{\"a\":1}]")).detail()).isEqualTo("expected a JSON object, was array");
        assertThat(failure(web("")).detail()).isEqualTo("empty message");
    }

    @Test
    void phoneAndEmailFieldsBecomeKeyedHashesThatLinkIdentities() {
        CloudEvent e = event(web("""
                {"message_id":"m2","anonymous_id":"an-1","user_id":"7","event":"login","ts":%d,
                 "properties":{"phone":"+86 138-1234-5678","Email":" Alice@Example.com ","age":"30"}}""".formatted(NOW_MS)));
        Identify id = e.data(Identify.class);
        assertThat(id.links()).contains(new LinkedId(IdKind.PHONE_HASH, scrubber.hashPhone("13812345678")),
                new LinkedId(IdKind.EMAIL_HASH, scrubber.hashEmail("alice@example.com")));
        assertThat(id.traits()).containsOnlyKeys("age");
        String published = text(EventCodec.encode(e));
        assertThat(published).doesNotContain("1234-5678").doesNotContain("13812345678").doesNotContainIgnoringCase("alice@");
        // Same number, another format, another channel: the same hash, so identities still join.
        assertThat(scrubber.hashPhone("13812345678")).isEqualTo(scrubber.hashPhone("+8613812345678"));
        assertThat(scrubber.hashPhone("13812345678")).isNotEqualTo(new PiiScrubber("another-secret-0123456789").hashPhone("13812345678"));
    }

    @Test
    void phoneInFreeTextIsHashedButDigitIdentifiersAreNot() {
        CloudEvent e = event(web("""
                {"message_id":"m3","anonymous_id":"an-1","event":"search","ts":%d,
                 "query":"call me 13812345678 or mail a.b@c.cn","properties":{"product_id":"13812345678"}}""".formatted(NOW_MS)));
        String query = e.data(Search.class).query();
        assertThat(query).doesNotContain("13812345678").doesNotContain("a.b@c.cn").contains("[phone:").contains("[email:");
        CloudEvent view = event(web("""
                {"message_id":"m3b","anonymous_id":"an-1","event":"product_view","ts":%d,
                 "product_id":"13812345678","properties":{"category":"ask 13812345678"}}""".formatted(NOW_MS)));
        assertThat(view.data(ProductView.class).productId()).isEqualTo("13812345678");
        assertThat(view.data(ProductView.class).category()).isEqualTo("ask [phone:" + scrubber.hashPhone("13812345678") + "]");
    }

    @Test
    void aRefusedMessageKeepsOnlyHashedPersonalData() {
        Outcome.Failure f = failure(web("""
                {"message_id":"m4","anonymous_id":"an-1","event":"teleport","ts":%d,"properties":{"mobile":"13912345678"}}""".formatted(NOW_MS)));
        assertThat(f.code()).isEqualTo(ReasonCode.UNKNOWN_EVENT);
        assertThat(text(f.raw())).doesNotContain("13912345678").contains("\"phone_hash\":\"" + scrubber.hashPhone("13912345678") + "\"");
    }

    @Test
    void eventTimesFarAheadOrInSecondsAreClockSkew() {
        Outcome.Failure ahead = failure(web("""
                {"message_id":"m5","anonymous_id":"a","event":"page_view","page_url":"https://shop/","ts":%d}""".formatted(NOW_MS + 600_000)));
        assertThat(ahead.code()).isEqualTo(ReasonCode.CLOCK_SKEW);
        assertThat(ahead.detail()).contains("600 s after the message arrived");
        // Four minutes ahead is ordinary device drift.
        assertThat(event(web("""
                {"message_id":"m6","anonymous_id":"a","event":"page_view","page_url":"https://shop/","ts":%d}""".formatted(NOW_MS + 240_000))).time())
                .isEqualTo(RECEIVED.plusSeconds(240));
        Outcome.Failure seconds = failure(web("""
                {"message_id":"m7","anonymous_id":"a","event":"page_view","page_url":"https://shop/","ts":%d}""".formatted(NOW_MS / 1000)));
        assertThat(seconds.code()).isEqualTo(ReasonCode.CLOCK_SKEW);
        assertThat(seconds.detail()).contains("looks like epoch seconds");
        Outcome.Failure old = failure(normalizer.normalize(Channel.MINIPROGRAM, """
                {"msg_id":"mp","openid":"o","action":"view_item","time":"1995-01-01 08:00:00","item_id":"x"}""".getBytes(StandardCharsets.UTF_8), RECEIVED));
        assertThat(old.code()).isEqualTo(ReasonCode.CLOCK_SKEW);
    }

    @Test
    void aFutureEventInAnAppBatchFailsAlone() {
        List<Outcome> out = normalizer.normalize(Channel.APP, """
                {"device_id":"d","app_version":"1","os":"android","events":[
                  {"event_id":"ok","name":"screen_view","timestamp":"2026-11-11T20:59:00+08:00","params":{"screen":"home"}},
                  {"event_id":"late","name":"screen_view","timestamp":"2026-11-12T20:59:00+08:00","params":{"screen":"home"}}]}""".getBytes(StandardCharsets.UTF_8), RECEIVED);
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).isInstanceOf(Outcome.Event.class);
        assertThat(((Outcome.Failure) out.get(1)).code()).isEqualTo(ReasonCode.CLOCK_SKEW);
        assertThat(text(((Outcome.Failure) out.get(1)).raw())).contains("late").doesNotContain("\"ok\"");
    }
}
