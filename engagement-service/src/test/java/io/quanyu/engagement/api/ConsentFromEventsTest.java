package io.quanyu.engagement.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.Channel;
import io.quanyu.events.EventType;
import io.quanyu.events.data.Identify;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Consent from identify events on the real broker and database: any identify may opt out, only the shop's back end may opt back in. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class ConsentFromEventsTest {

    @Test
    void aClientIdentifyCannotGiveConsentBack() {
        String user = "consent-" + Eng.run();
        String key = "u:" + user;
        Instant t = Instant.now();
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            Eng.send(kafka, identify(user + "-1", user, "web,app", null, t.minusSeconds(30)));
            Eng.await(() -> optedOut(key).equals(List.of("app", "web")), "the opt-out stored");
            // A later identify from a client with an empty list, then one naming only the store: web and app stay out.
            Eng.send(kafka, identify(user + "-2", user, "", null, t.minusSeconds(20)), identify(user + "-3", user, "store", false, t.minusSeconds(15)));
            Eng.await(() -> optedOut(key).equals(List.of("app", "store", "web")), "the store opt-out added");
            // The shop's back end (a verified identify) opts the customer back in to everything but the store.
            Eng.send(kafka, identify(user + "-4", user, "store", true, t.minusSeconds(10)));
            Eng.await(() -> optedOut(key).equals(List.of("store")), "consent given back by the back end");
        }
        assertThat(optedOut(key)).containsExactly("store");
    }

    private static io.quanyu.events.CloudEvent identify(String id, String user, String optOut, Boolean verified, Instant at) {
        return Eng.event(id, "u:" + user, Channel.WEB, EventType.IDENTIFY, at, new Identify(user, List.of(), Map.of("marketing_opt_out", optOut), verified));
    }

    private static List<Object> optedOut(String key) {
        return given().header("Authorization", Eng.READER).get("/v1/consent/{c}", key).then().statusCode(200).extract().jsonPath().getList("opted_out");
    }
}
