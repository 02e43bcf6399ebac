package io.quanyu.ingestion.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventIds;
import io.quanyu.events.FailedEvent;
import io.quanyu.events.ReasonCode;
import io.quanyu.events.Topics;
import io.quanyu.events.Channel;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/** A thousand malformed messages of 14 kinds, interleaved with 10,000 valid ones, through the running service. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class MalformedInputTest {

    private record Bad(String topic, String body, ReasonCode expected) {
    }

    private static List<Bad> kinds(String run, int i) {
        long now = Instant.now().toEpochMilli();
        String web = "{\"message_id\":\"bad-%s-%d\",\"anonymous_id\":\"an-%d\",\"ts\":%d,".formatted(run, i, i % 13, now - 1000);
        String receipt = "{\"store_id\":\"s1\",\"receipt_no\":\"bad-%s-%d\",\"checkout_time\":\"2026-01-02 10:00:00\",\"currency\":\"CNY\",\"total\":5,".formatted(run, i);
        return List.of(
                new Bad(Topics.RAW_WEB, web + "\"event\":\"page_view\"", ReasonCode.UNPARSEABLE),
                new Bad(Topics.RAW_WEB, "call 13812345678, this is not JSON", ReasonCode.UNPARSEABLE),
                new Bad(Topics.RAW_APP, "[1,2,3]", ReasonCode.UNPARSEABLE),
                new Bad(Topics.RAW_MINIPROGRAM, "", ReasonCode.UNPARSEABLE),
                new Bad(Topics.RAW_WEB, "{\"message_id\":\"bad-%s-%d\",\"event\":\"page_view\",\"ts\":%d}".formatted(run, i, now), ReasonCode.SCHEMA_VIOLATION),
                new Bad(Topics.RAW_WEB, web + "\"event\":\"teleport\"}", ReasonCode.UNKNOWN_EVENT),
                new Bad(Topics.RAW_STORE, receipt + "\"lines\":[{\"sku\":\"a\",\"qty\":-1,\"unit_price\":5}]}", ReasonCode.OUT_OF_RANGE),
                new Bad(Topics.RAW_STORE, receipt + "\"lines\":[{\"sku\":\"a\",\"qty\":1,\"unit_price\":99999999}]}", ReasonCode.OUT_OF_RANGE),
                new Bad(Topics.RAW_WEB, web + "\"event\":\"page_view\",\"page_url\":\"https://x/\",\"pad\":\"" + "x".repeat(270_000) + "\"}", ReasonCode.TOO_LARGE),
                new Bad(Topics.RAW_WEB, web.replace(",\"ts\":" + (now - 1000), ",\"ts\":" + (now + 3_600_000)) + "\"event\":\"page_view\",\"page_url\":\"https://x/\"}", ReasonCode.CLOCK_SKEW),
                new Bad(Topics.RAW_ADS, "{\"platform\":\"p\",\"event\":\"click\",\"event_id\":\"bad-%s-%d\",\"campaign_id\":\"c\",\"ad_id\":\"a\",\"ts\":%d}".formatted(run, i, now / 1000), ReasonCode.CLOCK_SKEW),
                new Bad(Topics.RAW_MINIPROGRAM, "{\"msg_id\":\"bad-%s-%d\",\"openid\":\"o\",\"action\":\"view_item\",\"time\":\"11/11/2026 10:00\",\"item_id\":\"x\"}".formatted(run, i), ReasonCode.SCHEMA_VIOLATION),
                // The event that once stopped four services for good: a NUL in an id, and an amount no store can hold.
                new Bad(Topics.RAW_WEB, ("{\"message_id\":\"bad-%s-%d\",\"anonymous_id\":\"x\\u0000y\",\"event\":\"checkout\",\"ts\":%d,\"properties\":{\"order_id\":\"PP1\","
                        + "\"lines\":[{\"product_id\":\"p1\",\"quantity\":1,\"unit_price\":1}],\"amount\":10}}").formatted(run, i, now - 1000), ReasonCode.INVALID_TEXT),
                new Bad(Topics.RAW_WEB, ("{\"message_id\":\"bad-%s-%d\",\"anonymous_id\":\"an-1\",\"event\":\"checkout\",\"ts\":%d,\"properties\":{\"order_id\":\"PP1\","
                        + "\"lines\":[{\"product_id\":\"p1\",\"quantity\":1,\"unit_price\":1}],\"amount\":10000000000000}}").formatted(run, i, now - 1000), ReasonCode.OUT_OF_RANGE));
    }

    @Test
    void everyMalformedMessageLandsTypedInFailedEventsAndValidOnesStillPass() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long now = Instant.now().toEpochMilli();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        List<ReasonCode> expectedReasons = new ArrayList<>();
        Set<String> goodIds = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            List<Bad> kinds = kinds(run, i);
            Bad bad = kinds.get(i % kinds.size());
            records.add(new ProducerRecord<>(bad.topic(), "k" + (i % 13), bad.body().getBytes(StandardCharsets.UTF_8)));
            expectedReasons.add(bad.expected());
            // Ten good messages per malformed one: 1,000 malformed among 10,000 good.
            for (int g = 0; g < 10; g++) {
                String id = "good-" + run + "-" + i + "-" + g;
                records.add(new ProducerRecord<>(Topics.RAW_WEB, "k" + (i % 13), """
                        {"message_id":"%s","anonymous_id":"an-%d","event":"page_view","page_url":"https://shop/","ts":%d}"""
                        .formatted(id, i % 13, now).getBytes(StandardCharsets.UTF_8)));
                expectedReasons.add(null);
                goodIds.add(EventIds.of(Channel.WEB, id));
            }
        }
        try (KafkaTestClient kafka = KafkaTestClient.shared();
             KafkaTestClient.Tail failed = kafka.tail(Topics.EVENTS_FAILED); KafkaTestClient.Tail events = kafka.tail(Topics.EVENTS)) {
            List<RecordMetadata> sent = kafka.sendAll(records);
            Map<String, ReasonCode> expected = new HashMap<>();
            for (int i = 0; i < sent.size(); i++) {
                if (expectedReasons.get(i) != null) {
                    expected.put(where(sent.get(i).topic(), sent.get(i).partition(), sent.get(i).offset()), expectedReasons.get(i));
                }
            }
            assertThat(expected).hasSize(1000);

            List<FailedEvent> got = failed.await(1000, r -> expected.containsKey(where(decode(r))), Duration.ofSeconds(90))
                    .stream().map(MalformedInputTest::decode).toList();
            assertThat(got).hasSize(1000);
            Map<ReasonCode, Integer> byReason = new HashMap<>();
            for (FailedEvent f : got) {
                assertThat(f.reasonCode()).as("%s: %s", where(f), f.detail()).isEqualTo(expected.get(where(f)));
                assertThat(f.detail()).isNotBlank();
                assertThat(new String(f.raw(), StandardCharsets.UTF_8)).doesNotContain("13812345678");
                byReason.merge(f.reasonCode(), 1, Integer::sum);
            }
            assertThat(byReason).containsOnlyKeys(ReasonCode.UNPARSEABLE, ReasonCode.SCHEMA_VIOLATION, ReasonCode.UNKNOWN_EVENT,
                    ReasonCode.OUT_OF_RANGE, ReasonCode.TOO_LARGE, ReasonCode.CLOCK_SKEW, ReasonCode.INVALID_TEXT);

            List<ConsumerRecord<String, byte[]>> good = events.await(goodIds.size(), r -> goodIds.contains(PipelineTest.idOf(r)), Duration.ofSeconds(120));
            assertThat(good).hasSize(10_000);
            assertThat(good.stream().map(PipelineTest::idOf).distinct()).as("each good message once").hasSize(10_000);
        }
    }

    private static FailedEvent decode(ConsumerRecord<String, byte[]> r) {
        return EventCodec.decode(r.value(), FailedEvent.class) instanceof Decoded.Ok<FailedEvent> ok ? ok.value() : null;
    }

    private static String where(FailedEvent f) {
        return f == null ? "" : where(f.sourceTopic(), f.sourcePartition(), f.sourceOffset());
    }

    private static String where(String topic, Integer partition, Long offset) {
        return topic + "/" + partition + "/" + offset;
    }
}
