package io.quanyu.testkit.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EngagementAction;
import io.quanyu.events.EventIds;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.Json;
import io.quanyu.events.Topics;
import io.quanyu.events.data.CouponRedeemed;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.Purchase;
import io.quanyu.events.raw.RawWebEvent;
import io.quanyu.testkit.replay.MovieLensData;
import io.quanyu.testkit.replay.MovieLensReplay;
import io.quanyu.testkit.replay.RawMessage;
import io.quanyu.testkit.replay.ReplayIds;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The demo's journey (a simulation at stated rates, not data): every MovieLens customer leaves a web cart, the
 * engagement service's cart_abandoned journey grants a code to the treated ones after a short wait and holds 20 % out,
 * then treated customers redeem their code in a store and buy at a higher rate than the holdout buys at, and the
 * journey's uplift table is read back from the engagement API.
 */
final class CartJourney {

    static final String OFFER = "ml-comeback-15";
    static final String JOURNEY = "ml-cart-abandoned";
    /** The simulated truth: conversion within the attribution window of a treated (code redeemed) and a held-out customer. */
    static final double TREATED_RATE = 0.30;
    static final double HOLDOUT_RATE = 0.12;
    static final BigDecimal DISCOUNT = new BigDecimal("15.00");

    private CartJourney() {
    }

    static void run(Api api, String bootstrap, MovieLensData data, int customers) throws Exception {
        System.out.printf("%nEngagement: a cart_abandoned journey (wait PT5S, holdout 20 %%) on the %d MovieLens customers; carts and conversions"
                + " simulated at stated rates (treated %.0f %%, holdout %.0f %%), not data%n", customers, 100 * TREATED_RATE, 100 * HOLDOUT_RATE);
        define(api);
        JsonNode before = api.read(Demo.ENGAGEMENT, "/v1/journeys/" + JOURNEY + "/uplift").json();
        String run = Long.toString(System.currentTimeMillis(), 36);
        // Ingestion's event id of each cart: the actions name it as their trigger.
        Set<String> triggers = IntStream.rangeClosed(1, customers).mapToObj(uid -> EventIds.of(Channel.WEB, cartMessageId(run, uid)))
                .collect(Collectors.toSet());
        Map<String, String> codes = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> actions = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "demo-actions-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            actions.subscribe(List.of(Topics.ENGAGEMENT_ACTIONS));
            while (actions.assignment().isEmpty()) {
                actions.poll(Duration.ofMillis(100));
            }
            actions.assignment().forEach(actions::position);
            MovieLensReplay.publish(bootstrap, carts(data, run, customers, Instant.now()));
            System.out.printf("  published %d add_to_cart events on raw.web (user ids ml-1 .. ml-%d, as the replay's), through ingestion%n",
                    customers, customers);
            Progress.await("carts decided by the journey", customers, () -> entries(api) - entries(before), Duration.ofMinutes(2));
            long treated = api.read(Demo.ENGAGEMENT, "/v1/journeys/" + JOURNEY + "/uplift").json().path("treated").path("entries").asLong()
                    - before.path("treated").path("entries").asLong();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (codes.size() < treated && System.nanoTime() < deadline) {
                for (var r : actions.poll(Duration.ofMillis(200))) {
                    EngagementAction a = Json.MAPPER.readValue(r.value(), EngagementAction.class);
                    if (a.journeyId().equals(JOURNEY) && triggers.contains(a.triggerEventId())) {
                        codes.put(a.customerKey(), a.code());
                    }
                }
            }
            System.out.printf("  %d actions on %s (a code of %s for each treated customer), %d customers held out%n", codes.size(),
                    Topics.ENGAGEMENT_ACTIONS, OFFER, customers - codes.size());
        }
        int[] converted = convert(data, bootstrap, run, customers, codes);
        System.out.printf("  simulated: %d treated customers redeemed their code in a store and bought, %d held-out customers bought without one"
                + " (coupon_redeemed and purchase as normalized store events on the customer's user key: the POS receipt format"
                + " has no coupon field)%n", converted[0], converted[1]);
        long conversionsBefore = conversions(before);
        Progress.await("conversions counted by the journey", converted[0] + converted[1], () -> conversions(uplift(api)) - conversionsBefore,
                Duration.ofMinutes(1));
        print(uplift(api));
    }

    private static void define(Api api) {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("offer_id", OFFER);
        offer.put("name", "¥15 off your cart");
        offer.put("kind", "fixed_amount");
        offer.put("value", DISCOUNT);
        offer.put("budget", 100_000);
        offer.put("per_customer_limit", 10);
        offer.put("code_valid_for", "P7D");
        offer.put("eligible_channels", List.of("web", "app", "miniprogram", "store"));
        Map<String, Object> journey = new LinkedHashMap<>();
        journey.put("journey_id", JOURNEY);
        journey.put("name", "Abandoned cart: ¥15 back");
        journey.put("trigger", Map.of("kind", "cart_abandoned", "wait", "PT5S"));
        journey.put("action", Map.of("kind", "grant_offer", "offer_id", OFFER));
        journey.put("holdout_share", 0.2);
        journey.put("attribution_window", "P7D");
        // PUT creates or replaces: a second demo on the same stack reuses both.
        for (Api.Answer a : List.of(api.put(Demo.ENGAGEMENT, "/v1/offers/" + OFFER, offer), api.put(Demo.ENGAGEMENT, "/v1/journeys/" + JOURNEY, journey))) {
            if (!a.ok()) {
                throw new IllegalStateException("engagement-service refused the demo's offer or journey: " + a.status() + " " + a.body());
            }
        }
    }

    private static String cartMessageId(String run, int uid) {
        return "cart-" + run + "-" + uid;
    }

    /** The movie a customer leaves in the cart: any one of the catalogue, fixed per customer. */
    private static int item(int uid) {
        return 1 + uid * 7 % 1682;
    }

    private static List<RawMessage> carts(MovieLensData data, String run, int customers, Instant at) {
        List<RawMessage> out = new ArrayList<>(customers);
        for (int uid = 1; uid <= customers; uid++) {
            int item = item(uid);
            RawWebEvent e = new RawWebEvent(cartMessageId(run, uid), ReplayIds.anonymousId(uid), ReplayIds.userId(uid), "add_to_cart",
                    at.toEpochMilli(), null, ReplayIds.productId(item), null, Map.of("quantity", 1, "unit_price", data.movie(item).price()));
            out.add(new RawMessage(Channel.WEB.rawTopic(), ReplayIds.anonymousId(uid), EventCodec.encode(e)));
        }
        return out;
    }

    /** Publishes the simulated conversions; returns {treated who redeemed and bought, held-out who bought}. */
    private static int[] convert(MovieLensData data, String bootstrap, String run, int customers, Map<String, String> codes) {
        Random random = new Random(19);
        List<RawMessage> out = new ArrayList<>();
        int[] n = new int[2];
        Instant now = Instant.now();
        for (int uid = 1; uid <= customers; uid++) {
            String key = "u:" + ReplayIds.userId(uid);
            String code = codes.get(key);
            if (random.nextDouble() >= (code != null ? TREATED_RATE : HOLDOUT_RATE)) {
                continue;
            }
            n[code != null ? 0 : 1]++;
            int item = item(uid);
            String order = ReplayIds.storeId(uid) + "/jr-" + run + "-" + uid;
            BigDecimal amount = data.movie(item).price().add(new BigDecimal("20.00"));
            if (code != null) {
                out.add(normalized(order + "-coupon", key, now, EventType.COUPON_REDEEMED, new CouponRedeemed(code, order, DISCOUNT, "CNY", true)));
            }
            out.add(normalized(order, key, now, EventType.PURCHASE, new Purchase(order, List.of(new OrderLine(ReplayIds.productId(item), 1, amount)),
                    amount, "CNY", ReplayIds.storeId(uid))));
        }
        MovieLensReplay.publish(bootstrap, out);
        return n;
    }

    private static RawMessage normalized(String id, String key, Instant at, EventType type, io.quanyu.events.data.EventData data) {
        CloudEvent e = CloudEvent.of("demo-store-" + id, Channel.STORE, type, at, key, at, null, data);
        return new RawMessage(Topics.EVENTS, key, EventCodec.encode(e));
    }

    private static JsonNode uplift(Api api) {
        return api.read(Demo.ENGAGEMENT, "/v1/journeys/" + JOURNEY + "/uplift").json();
    }

    private static long entries(Api api) {
        return entries(uplift(api));
    }

    private static long entries(JsonNode u) {
        return u.path("treated").path("entries").asLong() + u.path("holdout").path("entries").asLong();
    }

    private static long conversions(JsonNode u) {
        return u.path("treated").path("conversions").asLong() + u.path("holdout").path("conversions").asLong();
    }

    private static void print(JsonNode u) {
        System.out.println("\n== Journey " + JOURNEY + ": uplift against its holdout (engagement-service, GET /v1/journeys/{id}/uplift) ==");
        System.out.printf("  %-8s %8s %10s %12s %12s %14s%n", "group", "entries", "customers", "conversions", "conv. rate", "revenue/entry");
        for (String g : List.of("treated", "holdout")) {
            JsonNode n = u.path(g);
            System.out.printf("  %-8s %8d %10d %12d %11.1f%% %14.2f%n", g, n.path("entries").asLong(), n.path("customers").asLong(),
                    n.path("conversions").asLong(), 100 * n.path("conversion_rate").asDouble(), n.path("revenue_per_entry").asDouble());
        }
        System.out.printf("  uplift %+.1f points, 95 %% interval %+.1f to %+.1f (%s); simulated truth %+.1f points; %d codes redeemed, ¥%.2f discount%n",
                100 * u.path("conversion_rate_difference").asDouble(), 100 * u.path("ci95").path("lower").asDouble(),
                100 * u.path("ci95").path("upper").asDouble(), u.path("method").asText(), 100 * (TREATED_RATE - HOLDOUT_RATE),
                u.path("redemptions").asLong(), u.path("redeemed_discount").asDouble());
    }
}
