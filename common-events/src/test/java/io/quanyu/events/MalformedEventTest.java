package io.quanyu.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.raw.RawAppBatch;
import io.quanyu.events.raw.RawStoreReceipt;
import io.quanyu.events.serde.CloudEventDeserializer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed input gets a specific reason code and a detail naming the field; nothing throws. */
class MalformedEventTest {

    private static final String VALID = new String(EventCodec.encode(SampleEvents.event(EventType.PURCHASE)), StandardCharsets.UTF_8);

    static Stream<Arguments> malformedEvents() {
        return Stream.of(
                Arguments.of("not json", "{\"id\": ", ReasonCode.UNPARSEABLE, "not JSON"),
                Arguments.of("empty", "", ReasonCode.UNPARSEABLE, "JSON object"),
                Arguments.of("array", "[1,2]", ReasonCode.UNPARSEABLE, "JSON object"),
                Arguments.of("no type", VALID.replace("\"type\":\"purchase\",", ""), ReasonCode.SCHEMA_VIOLATION, "type: is required"),
                Arguments.of("unknown type", VALID.replace("\"purchase\"", "\"teleport\""), ReasonCode.UNKNOWN_EVENT, "'teleport'"),
                Arguments.of("no id", VALID.replaceFirst("\"id\":\"[^\"]+\",", ""), ReasonCode.SCHEMA_VIOLATION, "id: is required"),
                Arguments.of("blank subject", VALID.replace("\"u:42\"", "\" \""), ReasonCode.SCHEMA_VIOLATION, "subject: is required"),
                Arguments.of("bad subject", VALID.replace("\"u:42\"", "\"42\""), ReasonCode.SCHEMA_VIOLATION, "subject: must be a user key"),
                Arguments.of("bad time", VALID.replace("2026-11-11T02:30:00.123Z", "yesterday"), ReasonCode.SCHEMA_VIOLATION, "time"),
                Arguments.of("wrong spec", VALID.replace("\"1.0\"", "\"0.3\""), ReasonCode.SCHEMA_VIOLATION, "specversion: must be 1.0"),
                Arguments.of("unknown channel", VALID.replace("\"channel\":\"app\"", "\"channel\":\"fax\""), ReasonCode.SCHEMA_VIOLATION, "channel: unknown channel"),
                Arguments.of("no data", VALID.replaceFirst(",\"data\":\\{.*}$", "}"), ReasonCode.SCHEMA_VIOLATION, "data: is required"),
                Arguments.of("quantity not a number", VALID.replaceFirst("\"quantity\":2", "\"quantity\":\"two\""), ReasonCode.SCHEMA_VIOLATION, "data.lines[0].quantity"),
                Arguments.of("negative quantity", VALID.replaceFirst("\"quantity\":2", "\"quantity\":-2"), ReasonCode.OUT_OF_RANGE, "data.lines[0].quantity: must be between 1 and 10000"),
                Arguments.of("absurd price", VALID.replaceFirst("\"unit_price\":19.90", "\"unit_price\":99999999"), ReasonCode.OUT_OF_RANGE, "data.lines[0].unit_price: must be between 0 and 1000000, was 99999999"),
                Arguments.of("no lines", VALID.replaceFirst("\"lines\":\\[.*?}\\]", "\"lines\":[]"), ReasonCode.SCHEMA_VIOLATION, "data.lines: is required"),
                Arguments.of("null line", VALID.replaceFirst("\"lines\":\\[", "\"lines\":[null,"), ReasonCode.SCHEMA_VIOLATION, "data.lines[0]: must not be null"),
                Arguments.of("bad currency", VALID.replace("\"CNY\"", "\"rmb\""), ReasonCode.SCHEMA_VIOLATION, "data.currency: must be an ISO-4217 code"),
                Arguments.of("NUL in a field", VALID.replaceFirst("\"order_id\":\"o-1\"", "\"order_id\":\"o\\\\u00001\""), ReasonCode.INVALID_TEXT, "data.order_id: contains the control character U+0000"),
                Arguments.of("NUL in the subject", VALID.replace("\"u:42\"", "\"u:4\\u00002\""), ReasonCode.INVALID_TEXT, "subject: contains the control character U+0000"),
                Arguments.of("unpaired surrogate", VALID.replaceFirst("\"order_id\":\"o-1\"", "\"order_id\":\"o\\\\ud800\""), ReasonCode.INVALID_TEXT, "data.order_id: contains an unpaired UTF-16 surrogate"),
                Arguments.of("amount overflows every store", VALID.replaceFirst("\"amount\":[0-9.]+", "\"amount\":10000000000000"), ReasonCode.OUT_OF_RANGE, "data.amount: must be between 0 and 100000000"),
                Arguments.of("absurd decimal places", VALID.replaceFirst("\"amount\":[0-9.]+", "\"amount\":1e-999999999"), ReasonCode.OUT_OF_RANGE, "data.amount: must have at most 20 decimal places"),
                Arguments.of("data not object", VALID.replaceFirst("\"data\":\\{.*}$", "\"data\":7}"), ReasonCode.SCHEMA_VIOLATION, "data"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedEvents")
    void eachMalformedEventHasASpecificReason(String name, String json, ReasonCode code, String detail) {
        Decoded<CloudEvent> decoded = EventCodec.decodeEvent(json.getBytes(StandardCharsets.UTF_8));
        assertThat(decoded).isInstanceOf(Decoded.Failed.class);
        Decoded.Failed<CloudEvent> failed = (Decoded.Failed<CloudEvent>) decoded;
        assertThat(failed.code()).as(failed.detail()).isEqualTo(code);
        assertThat(failed.detail()).contains(detail);
    }

    @Test
    void theValidTemplateItselfPasses() {
        assertThat(EventCodec.decodeEvent(VALID.getBytes(StandardCharsets.UTF_8)).ok()).isTrue();
    }

    @Test
    void rangeRulesOfOtherTypes() {
        String review = new String(EventCodec.encode(SampleEvents.event(EventType.REVIEW)), StandardCharsets.UTF_8)
                .replace("\"rating\":5", "\"rating\":9");
        Decoded.Failed<CloudEvent> f = (Decoded.Failed<CloudEvent>) EventCodec.decodeEvent(review.getBytes(StandardCharsets.UTF_8));
        assertThat(f.code()).isEqualTo(ReasonCode.OUT_OF_RANGE);
        assertThat(f.detail()).isEqualTo("data.rating: must be between 1 and 5, was 9");

        String cost = new String(EventCodec.encode(SampleEvents.event(EventType.AD_COST)), StandardCharsets.UTF_8)
                .replace("1250000", "-5");
        f = (Decoded.Failed<CloudEvent>) EventCodec.decodeEvent(cost.getBytes(StandardCharsets.UTF_8));
        assertThat(f.detail()).isEqualTo("data.cost_micros: must be between 0 and 100000000000000, was -5");
    }

    @Test
    void deserializerRaisesTheReasonInsteadOfReturningGarbage() {
        try {
            new CloudEventDeserializer().deserialize(Topics.EVENTS, "{}".getBytes(StandardCharsets.UTF_8));
            throw new AssertionError("expected a SerializationException");
        } catch (SerializationException e) {
            assertThat(e.getMessage()).startsWith("schema_violation: type: is required");
        }
    }

    @Test
    void rawFormatsReportEveryViolationWithItsPath() {
        String receipt = """
                {"store_id":"s1","receipt_no":"","checkout_time":"2026-11-11 10:00:00",
                 "lines":[{"sku":"a","qty":1,"unit_price":3.5},{"sku":"b","unit_price":2}],"total":5.5}""";
        Decoded.Failed<RawStoreReceipt> f = (Decoded.Failed<RawStoreReceipt>) EventCodec.decode(receipt.getBytes(StandardCharsets.UTF_8), RawStoreReceipt.class);
        assertThat(f.violations()).extracting(v -> v.path()).containsExactly("receipt_no", "lines[1].qty", "currency");

        String app = "{\"device_id\":\"d\",\"app_version\":\"1\",\"os\":\"ios\",\"events\":[{\"event_id\":\"e\",\"name\":\"x\",\"timestamp\":\"noon\"}]}";
        Decoded.Failed<RawAppBatch> g = (Decoded.Failed<RawAppBatch>) EventCodec.decode(app.getBytes(StandardCharsets.UTF_8), RawAppBatch.class);
        assertThat(g.code()).isEqualTo(ReasonCode.SCHEMA_VIOLATION);
        assertThat(g.detail()).startsWith("events[0].timestamp:");
    }
}
