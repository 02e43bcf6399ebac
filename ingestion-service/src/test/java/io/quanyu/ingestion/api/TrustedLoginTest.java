package io.quanyu.ingestion.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventIds;
import io.quanyu.events.Topics;
import io.quanyu.events.data.CouponRedeemed;
import io.quanyu.events.data.Identify;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Who vouches for a login, end to end: only the channel's server key, or a back end writing the raw topic with the
 * trusted header, yields a verified identify on events.v1; a client key, or a message claiming it, never does.
 */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class TrustedLoginTest {

    private static String login(String id, String user) {
        return """
                {"message_id":"%s","anonymous_id":"an-%1$s","user_id":"%s","event":"login","ts":%d,
                 "properties":{"phone":"13900001111","member_card":"M-%1$s","verified":true}}""".formatted(id, user, Instant.now().toEpochMilli());
    }

    @Test
    void onlyTheServerKeyOrTheTrustedHeaderVerifiesALogin() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Boolean> expected = Map.of("client-" + run, false, "server-" + run, true, "header-" + run, true, "noheader-" + run, false,
                "falseheader-" + run, false);
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail events = kafka.tail(Topics.EVENTS)) {
            given().header("X-Api-Key", "test-web-key").contentType(ContentType.JSON).body(login("client-" + run, "u1-" + run))
                    .post("/v1/collect/web").then().statusCode(202);
            given().header("X-Api-Key", "test-web-server-key").contentType(ContentType.JSON).body(login("server-" + run, "u2-" + run))
                    .post("/v1/collect/web").then().statusCode(202);
            // A server key of one channel is no key of another.
            given().header("X-Api-Key", "test-web-server-key").contentType(ContentType.JSON).body(login("x-" + run, "u9-" + run))
                    .post("/v1/collect/app").then().statusCode(401);
            ProducerRecord<String, byte[]> trusted = new ProducerRecord<>(Topics.RAW_WEB, "k", bytes(login("header-" + run, "u3-" + run)));
            trusted.headers().add(Identify.TRUSTED_HEADER, bytes("true"));
            ProducerRecord<String, byte[]> falseHeader = new ProducerRecord<>(Topics.RAW_WEB, "k", bytes(login("falseheader-" + run, "u5-" + run)));
            falseHeader.headers().add(Identify.TRUSTED_HEADER, bytes("yes please"));
            kafka.sendAll(List.of(trusted, falseHeader, new ProducerRecord<>(Topics.RAW_WEB, "k", bytes(login("noheader-" + run, "u4-" + run)))));

            Map<String, String> ids = expected.keySet().stream().collect(Collectors.toMap(m -> EventIds.of(Channel.WEB, m), m -> m));
            List<ConsumerRecord<String, byte[]>> got = events.await(ids.size(), r -> ids.containsKey(idOf(r)), Duration.ofSeconds(60));
            assertThat(got).hasSize(ids.size());
            for (ConsumerRecord<String, byte[]> r : got) {
                CloudEvent e = ((Decoded.Ok<CloudEvent>) EventCodec.decodeEvent(r.value())).value();
                Identify id = e.data(Identify.class);
                assertThat(id.fromTrustedSource()).as(ids.get(e.id())).isEqualTo(expected.get(ids.get(e.id())));
                // The links are carried either way (hashed); trust decides only what the profile graph does with them.
                assertThat(id.links()).extracting(l -> l.kind().wire()).contains("phone_hash", "member_card");
            }
        }
    }

    @Test
    void aCouponRedemptionIsVerifiedOnlyFromTheServerKey() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"message_id":"%s","anonymous_id":"an-%1$s","user_id":"u-%1$s","event":"coupon_redeemed","ts":%d,
                 "properties":{"coupon_id":"C-%1$s","order_id":"o-%1$s","discount":15,"verified":true}}""";
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail events = kafka.tail(Topics.EVENTS)) {
            given().header("X-Api-Key", "test-web-key").contentType(ContentType.JSON).body(body.formatted("cc-" + run, Instant.now().toEpochMilli()))
                    .post("/v1/collect/web").then().statusCode(202);
            given().header("X-Api-Key", "test-web-server-key").contentType(ContentType.JSON).body(body.formatted("cs-" + run, Instant.now().toEpochMilli()))
                    .post("/v1/collect/web").then().statusCode(202);
            Map<String, Boolean> expected = Map.of(EventIds.of(Channel.WEB, "cc-" + run), false, EventIds.of(Channel.WEB, "cs-" + run), true);
            List<ConsumerRecord<String, byte[]>> got = events.await(2, r -> expected.containsKey(idOf(r)), Duration.ofSeconds(60));
            assertThat(got).hasSize(2);
            for (ConsumerRecord<String, byte[]> r : got) {
                CloudEvent e = ((Decoded.Ok<CloudEvent>) EventCodec.decodeEvent(r.value())).value();
                // The client's own "verified": true is replaced by what its key says.
                assertThat(e.data(CouponRedeemed.class).fromTrustedSource()).as(e.id()).isEqualTo(expected.get(e.id()));
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String idOf(ConsumerRecord<String, byte[]> r) {
        return EventCodec.decodeEvent(r.value()) instanceof Decoded.Ok<CloudEvent> ok ? ok.value().id() : null;
    }
}
