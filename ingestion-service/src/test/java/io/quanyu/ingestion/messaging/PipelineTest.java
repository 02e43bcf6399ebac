package io.quanyu.ingestion.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventIds;
import io.quanyu.events.Product;
import io.quanyu.events.Topics;
import io.quanyu.events.data.AdEvent;
import io.quanyu.events.data.Purchase;
import io.quanyu.events.data.StockLevel;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Raw messages of every channel through the running service on the real broker and database. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class PipelineTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaTestClient kafka;

    @BeforeAll
    static void client() {
        kafka = KafkaTestClient.shared();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, CloudEvent> byId(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> ((Decoded.Ok<CloudEvent>) EventCodec.decodeEvent(r.value())).value())
                .collect(Collectors.toMap(CloudEvent::id, Function.identity()));
    }

    @Test
    void everyChannelIsNormalizedWithItsTimeZoneAndKeyedByCustomer() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        String shanghai = LocalDateTime.ofInstant(t, ZoneId.of("Asia/Shanghai")).format(LOCAL);
        String chicago = LocalDateTime.ofInstant(t, ZoneId.of("America/Chicago")).format(LOCAL);
        String app = """
                {"device_id":"dev-%1$s","user_id":"u-%1$s","app_version":"3.1","os":"ios","events":[
                  {"event_id":"a1-%1$s","name":"screen_view","timestamp":"%2$s","params":{"screen":"home"}},
                  {"event_id":"a2-%1$s","name":"add_to_cart","timestamp":"%2$s","params":{"product_id":"sku-1","price":9.5,"quantity":2}}]}"""
                .formatted(run, t.atZone(ZoneId.of("Europe/Berlin")).toOffsetDateTime());
        List<String> ids = List.of(EventIds.of(Channel.WEB, "w-" + run), EventIds.of(Channel.APP, "a1-" + run),
                EventIds.of(Channel.APP, "a2-" + run), EventIds.of(Channel.MINIPROGRAM, "mp-" + run),
                EventIds.of(Channel.STORE, "st-" + run + "/R1"), EventIds.of(Channel.STORE, "stock/st-" + run + "/oj/" + chicago),
                EventIds.of(Channel.ADS, "douyin/ad-" + run));
        try (KafkaTestClient.Tail events = kafka.tail(Topics.EVENTS); KafkaTestClient.Tail products = kafka.tail(Topics.CATALOG_PRODUCTS)) {
            kafka.send(Topics.RAW_WEB, "an-" + run, bytes("""
                    {"message_id":"w-%s","anonymous_id":"an-%1$s","event":"product_view","ts":%d,"product_id":"sku-1"}""".formatted(run, t.toEpochMilli())));
            kafka.send(Topics.RAW_APP, "dev-" + run, bytes(app));
            kafka.send(Topics.RAW_MINIPROGRAM, "o-" + run, bytes("""
                    {"msg_id":"mp-%s","openid":"o-%1$s","unionid":"un-%1$s","action":"collect","time":"%s","item_id":"sku-2"}""".formatted(run, shanghai)));
            kafka.send(Topics.RAW_STORE, "st-" + run, bytes("""
                    {"store_id":"st-%s","receipt_no":"R1","member_card":"M-%1$s","checkout_time":"%s","time_zone":"America/Chicago",
                     "lines":[{"sku":"oj","qty":2,"unit_price":3.5}],"total":7.0,"currency":"USD"}""".formatted(run, chicago)));
            kafka.send(Topics.RAW_STORE, "st-" + run, bytes("""
                    {"store_id":"st-%s","sku":"oj","on_hand":12,"counted_at":"%s","time_zone":"America/Chicago"}""".formatted(run, chicago)));
            kafka.send(Topics.RAW_ADS, "c-" + run, bytes("""
                    {"platform":"douyin","event":"click","event_id":"ad-%s","campaign_id":"c-%1$s","ad_id":"ad1","click_id":"ck","user_ref":"u:u-%1$s","ts":%d}"""
                    .formatted(run, t.toEpochMilli())));
            kafka.send(Topics.RAW_CATALOG, "p-" + run, bytes("""
                    {"product_id":"p-%s","title":"西湖龙井 West Lake Longjing","category":"tea","brand":"狮峰","price":268}""".formatted(run)));

            List<ConsumerRecord<String, byte[]>> got = events.await(ids.size(), r -> ids.contains(idOf(r)), WAIT);
            Map<String, CloudEvent> e = byId(got);
            assertThat(e).containsOnlyKeys(ids);
            // Every event is keyed by its customer (or store, or campaign), and every time is the same UTC instant.
            got.forEach(r -> assertThat(r.key()).isEqualTo(e.get(idOf(r)).subject()));
            e.values().forEach(ev -> assertThat(ev.time()).isEqualTo(t));
            assertThat(e.get(ids.get(0)).subject()).isEqualTo("a:an-" + run);
            assertThat(e.get(ids.get(1)).subject()).isEqualTo("u:u-" + run);
            assertThat(e.get(ids.get(2)).type()).isEqualTo("add_to_cart");
            assertThat(e.get(ids.get(3)).type()).isEqualTo("favorite");
            assertThat(e.get(ids.get(3)).subject()).isEqualTo("a:o-" + run);
            Purchase receipt = e.get(ids.get(4)).data(Purchase.class);
            assertThat(receipt.amount()).isEqualByComparingTo("7.0");
            assertThat(e.get(ids.get(4)).subject()).isEqualTo("a:card:M-" + run);
            assertThat(e.get(ids.get(5)).data(StockLevel.class).onHand()).isEqualTo(12);
            assertThat(e.get(ids.get(6)).data(AdEvent.class).campaignId()).isEqualTo("c-" + run);
            assertThat(e.get(ids.get(6)).subject()).isEqualTo("u:u-" + run);

            List<ConsumerRecord<String, byte[]>> p = products.await(1, r -> ("p-" + run).equals(r.key()), WAIT);
            assertThat(p).hasSize(1);
            Product product = ((Decoded.Ok<Product>) EventCodec.decode(p.getFirst().value(), Product.class)).value();
            assertThat(product.title()).isEqualTo("西湖龙井 West Lake Longjing");
            assertThat(product.currency()).isEqualTo("CNY");
        }
    }

    @Test
    void replayingTheSameRawMessagesTwiceYieldsEachEventOnce() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long ts = Instant.now().minusSeconds(30).toEpochMilli();
        List<ProducerRecord<String, byte[]>> batch = new ArrayList<>();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            batch.add(new ProducerRecord<>(Topics.RAW_WEB, "an-" + (i % 17), bytes("""
                    {"message_id":"d-%s-%d","anonymous_id":"an-%d","event":"page_view","page_url":"https://shop/%2$d","ts":%d}"""
                    .formatted(run, i, i % 17, ts))));
            expected.add(EventIds.of(Channel.WEB, "d-" + run + "-" + i));
        }
        // One sentinel per key, after both copies: when all are out, every copy has been processed.
        List<ProducerRecord<String, byte[]>> sentinels = new ArrayList<>();
        Set<String> sentinelIds = new HashSet<>();
        for (int k = 0; k < 17; k++) {
            sentinels.add(new ProducerRecord<>(Topics.RAW_WEB, "an-" + k, bytes("""
                    {"message_id":"s-%s-%d","anonymous_id":"an-%d","event":"page_view","page_url":"https://shop/","ts":%d}"""
                    .formatted(run, k, k, ts))));
            sentinelIds.add(EventIds.of(Channel.WEB, "s-" + run + "-" + k));
        }
        try (KafkaTestClient.Tail events = kafka.tail(Topics.EVENTS)) {
            kafka.sendAll(batch);
            kafka.sendAll(batch);
            kafka.sendAll(sentinels);
            assertThat(events.await(17, r -> sentinelIds.contains(idOf(r)), WAIT)).hasSize(17);
            List<String> ids = events.await(Integer.MAX_VALUE, r -> expected.contains(idOf(r)), Duration.ofSeconds(2))
                    .stream().map(PipelineTest::idOf).toList();
            assertThat(ids).hasSize(300).doesNotHaveDuplicates();
        }
        String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metric(metrics, "quanyu_ingestion_dedupe_hits_total{channel=\"web\"")).isGreaterThanOrEqualTo(300);
        assertThat(metric(metrics, "quanyu_ingestion_events_out_total{channel=\"web\"")).isGreaterThanOrEqualTo(317);
        assertThat(metric(metrics, "quanyu_ingestion_messages_in_total{channel=\"web\"")).isGreaterThanOrEqualTo(617);
        assertThat(metrics).contains("quanyu_ingestion_lag_seconds{channel=\"web\",quantile=\"0.99\"")
                .contains("quanyu_ingestion_events_failed_total{channel=\"store\",reason=\"clock_skew\"")
                .contains("kafka_consumer_fetch_manager_records_lag_max");
    }

    /** The value of the first Prometheus sample whose name and labels start with {@code prefix}. */
    static double metric(String exposition, String prefix) {
        return exposition.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(-1.0);
    }

    static String idOf(ConsumerRecord<String, byte[]> r) {
        return EventCodec.decodeEvent(r.value()) instanceof Decoded.Ok<CloudEvent> ok ? ok.value().id() : null;
    }
}
