package io.quanyu.events.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quanyu.events.AdsDecision;
import io.quanyu.events.ChatTurn;
import io.quanyu.events.DeadLetter;
import io.quanyu.events.EngagementAction;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.FailedEvent;
import io.quanyu.events.IdentityChange;
import io.quanyu.events.InventoryAlert;
import io.quanyu.events.InventoryForecast;
import io.quanyu.events.Json;
import io.quanyu.events.Product;
import io.quanyu.events.ProfileDigest;
import io.quanyu.events.RecommendationList;
import io.quanyu.events.SupportHandoff;
import io.quanyu.events.raw.RawAdEvent;
import io.quanyu.events.raw.RawAppBatch;
import io.quanyu.events.raw.RawCatalogProduct;
import io.quanyu.events.raw.RawMiniProgramEvent;
import io.quanyu.events.raw.RawStockCount;
import io.quanyu.events.raw.RawStoreReceipt;
import io.quanyu.events.raw.RawWebEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON Schemas published for channel developers, under {@code schemas/} in this jar and in
 * {@code common-events/src/main/resources/schemas}; a test fails when a file differs from its record.
 */
public final class Schemas {

    /** Published schema file name → the record it describes and what it is. */
    public static final Map<String, Published> PUBLISHED = published();

    /** One published schema. */
    public record Published(Class<?> type, String description) {
    }

    private Schemas() {
    }

    private static Map<String, Published> published() {
        Map<String, Published> m = new LinkedHashMap<>();
        m.put("cloudevent.schema.json", new Published(CloudEvent.class, "A normalized event on events.v1 (CloudEvents 1.0, JSON structured mode)"));
        m.put("failed-event.schema.json", new Published(FailedEvent.class, "An input that could not be accepted, on events.failed.v1"));
        m.put("product.schema.json", new Published(Product.class, "A catalog product on catalog.products.v1"));
        m.put("raw-web.schema.json", new Published(RawWebEvent.class, "A web tracker message on raw.web"));
        m.put("raw-app.schema.json", new Published(RawAppBatch.class, "An app SDK batch upload on raw.app"));
        m.put("raw-miniprogram.schema.json", new Published(RawMiniProgramEvent.class, "A mini-program message on raw.miniprogram"));
        m.put("raw-store-receipt.schema.json", new Published(RawStoreReceipt.class, "A POS receipt on raw.store"));
        m.put("raw-store-stock.schema.json", new Published(RawStockCount.class, "A stock count on raw.store"));
        m.put("raw-ads.schema.json", new Published(RawAdEvent.class, "An ad impression, click or cost report on raw.ads"));
        m.put("raw-catalog.schema.json", new Published(RawCatalogProduct.class, "A product from the catalog system on raw.catalog"));
        m.put("profile-digest.schema.json", new Published(ProfileDigest.class,
                "The fields of a portrait on profile.updates.v1 that other services rely on (the value carries more)"));
        m.put("identity-change.schema.json", new Published(IdentityChange.class, "A link or merge of the identity graph on profile.identity.v1"));
        m.put("recommendation-list.schema.json", new Published(RecommendationList.class, "A customer's refreshed recommendations on recommendations.v1"));
        m.put("inventory-forecast.schema.json", new Published(InventoryForecast.class,
                "A weekly demand forecast of a SKU at a store (or all stores) on inventory.forecasts.v1"));
        m.put("inventory-alert.schema.json", new Published(InventoryAlert.class, "A stock alert opened or resolved, on inventory.alerts.v1"));
        m.put("chat-turn.schema.json", new Published(ChatTurn.class, "One chat turn and what the chatbot understood of it, on chat.transcripts.v1"));
        m.put("support-handoff.schema.json", new Published(SupportHandoff.class, "A conversation handed to a human agent, on support.handoff.v1"));
        m.put("dead-letter.schema.json", new Published(DeadLetter.class, "A record a consumer could not apply, parked on events.deadletter.v1 for a re-drive"));
        m.put("ads-decision.schema.json", new Published(AdsDecision.class, "A daily budget split across campaigns, on ads.decisions.v1"));
        m.put("engagement-action.schema.json", new Published(EngagementAction.class,
                "An action of a journey for one customer (an offer granted, a message to send), on engagement.actions.v1"));
        return Map.copyOf(m);
    }

    /** The schema for a published file name, generated from its record. */
    public static ObjectNode generate(String fileName) {
        Published p = PUBLISHED.get(fileName);
        return SchemaGenerator.generate(p.type(), "urn:quanyu:schemas:" + fileName, p.description());
    }

    /** Renders a schema the way the committed files are written. */
    public static String render(ObjectNode schema) throws IOException {
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(schema) + "\n";
    }

    /** {@code java io.quanyu.events.schema.Schemas <dir>}: rewrites the published files after a record changes. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "common-events/src/main/resources/schemas");
        Files.createDirectories(dir);
        for (String name : PUBLISHED.keySet()) {
            Files.writeString(dir.resolve(name), render(generate(name)));
        }
        System.out.println("wrote " + PUBLISHED.size() + " schemas to " + dir);
    }
}
