package io.quanyu.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.Channel;
import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventIds;
import io.quanyu.events.FailedEvent;
import io.quanyu.events.ReasonCode;
import io.quanyu.events.Topics;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Ad cost reports with a negative or missing cost land on events.failed.v1 with their reason, through the running service; a valid one passes. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class AdCostRejectionTest {

    @Test
    void malformedOrNegativeCostReportsLandAsFailedEvents() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long now = Instant.now().toEpochMilli();
        String report = "{\"platform\":\"douyin\",\"event\":\"cost\",\"event_id\":\"%s\",\"campaign_id\":\"cost-" + run + "\",\"ad_id\":\"ad1\",%s\"ts\":" + now + "}";
        String negative = report.formatted("neg-" + run, "\"cost_micros\":-2500000,");
        String missing = report.formatted("none-" + run, "");
        String notANumber = report.formatted("nan-" + run, "\"cost_micros\":\"lots\",");
        String valid = report.formatted("ok-" + run, "\"cost_micros\":2500000,\"currency\":\"CNY\",");
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail failed = kafka.tail(Topics.EVENTS_FAILED);
             KafkaTestClient.Tail events = kafka.tail(Topics.EVENTS)) {
            for (String body : List.of(negative, missing, notANumber, valid)) {
                kafka.send(Topics.RAW_ADS, "cost-" + run, body.getBytes(StandardCharsets.UTF_8));
            }
            List<ConsumerRecord<String, byte[]>> got = failed.await(3, r -> decode(r) != null && raw(decode(r)).contains(run), Duration.ofSeconds(60));
            Map<String, FailedEvent> byBody = got.stream().map(AdCostRejectionTest::decode).collect(Collectors.toMap(AdCostRejectionTest::raw, f -> f));
            assertThat(byBody).containsOnlyKeys(negative, missing, notANumber);
            assertThat(byBody.get(negative).reasonCode()).isEqualTo(ReasonCode.OUT_OF_RANGE);
            assertThat(byBody.get(negative).detail()).contains("cost_micros");
            assertThat(byBody.get(missing).reasonCode()).isEqualTo(ReasonCode.SCHEMA_VIOLATION);
            assertThat(byBody.get(missing).detail()).isEqualTo("cost_micros: is required for a cost report");
            assertThat(byBody.get(notANumber).reasonCode()).isEqualTo(ReasonCode.SCHEMA_VIOLATION);
            assertThat(byBody.get(notANumber).detail()).contains("cost_micros");
            byBody.values().forEach(f -> {
                assertThat(f.channel()).isEqualTo("ads");
                assertThat(f.sourceTopic()).isEqualTo(Topics.RAW_ADS);
            });

            String okId = EventIds.of(Channel.ADS, "douyin/ok-" + run);
            assertThat(events.await(1, r -> new String(r.value(), StandardCharsets.UTF_8).contains(okId), Duration.ofSeconds(60))).hasSize(1);
        }
    }

    private static FailedEvent decode(ConsumerRecord<String, byte[]> r) {
        return EventCodec.decode(r.value(), FailedEvent.class) instanceof Decoded.Ok<FailedEvent> ok ? ok.value() : null;
    }

    private static String raw(FailedEvent f) {
        return new String(f.raw(), StandardCharsets.UTF_8);
    }
}
