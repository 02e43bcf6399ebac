package io.quanyu.ingestion.api;

import io.quanyu.support.ApiError;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.quanyu.events.Channel;
import io.quanyu.events.EventCodec;
import io.quanyu.events.Json;
import io.quanyu.events.data.Identify;
import io.quanyu.ingestion.config.IngestionConfig;
import io.quanyu.ingestion.domain.Normalizer;
import io.quanyu.ingestion.domain.Outcome;
import io.quanyu.ingestion.messaging.RawPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The HTTP collector: checks a request as a whole (size, JSON, batch length, load), checks each item with the
 * same normalizer the pipeline runs, and publishes the items, personal data already hashed, to the raw topic.
 * Refused items of a partly accepted request are published too, so they land on events.failed.v1 for replay.
 */
@ApplicationScoped
public class Collector {

    private static final byte[] TRUE = "true".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final ObjectReader READER = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Normalizer normalizer;
    private final RawPublisher publisher;
    private final InFlightLimiter limiter;
    private final IngestionConfig.Collector config;
    private final MeterRegistry registry;

    public Collector(Normalizer normalizer, RawPublisher publisher, InFlightLimiter limiter, IngestionConfig config, MeterRegistry registry) {
        this.normalizer = normalizer;
        this.publisher = publisher;
        this.limiter = limiter;
        this.config = config.collector();
        this.registry = registry;
    }

    /** Checks and publishes a request; {@code trusted} when it came with the channel's server key. */
    Response collect(Channel channel, byte[] body, boolean trusted) {
        if (body == null || body.length == 0) {
            return ApiError.response(Status.BAD_REQUEST, "unparseable", "the body is empty; send a JSON object or an array of objects");
        }
        if (body.length > config.maxBodyBytes()) {
            return ApiError.response(Status.REQUEST_ENTITY_TOO_LARGE, "too_large",
                    "the body has " + body.length + " bytes; at most " + config.maxBodyBytes() + " are accepted per request");
        }
        JsonNode tree;
        try {
            tree = READER.readTree(body);
        } catch (IOException e) {
            return ApiError.response(Status.BAD_REQUEST, "unparseable", "the body is not JSON: " + normalizer.describe(e));
        }
        if (tree == null || !(tree.isObject() || tree.isArray())) {
            return ApiError.response(Status.BAD_REQUEST, "unparseable", "expected a JSON object or an array of objects");
        }
        List<JsonNode> items = new ArrayList<>();
        (tree.isArray() ? tree : Json.MAPPER.createArrayNode().add(tree)).forEach(items::add);
        if (items.isEmpty()) {
            return ApiError.response(Status.BAD_REQUEST, "schema_violation", "the batch is empty");
        }
        if (items.size() > config.maxItems()) {
            return ApiError.response(Status.REQUEST_ENTITY_TOO_LARGE, "too_large",
                    "the batch has " + items.size() + " items; at most " + config.maxItems() + " are accepted per request");
        }
        if (!limiter.tryAcquire(items.size())) {
            registry.counter("quanyu.ingestion.collector.shed", "channel", channel.wire()).increment();
            return unavailable("too many items in flight; retry after " + config.retryAfterSeconds() + " s");
        }
        try {
            return checkAndPublish(channel, items, trusted);
        } finally {
            limiter.release(items.size());
        }
    }

    private Response checkAndPublish(Channel channel, List<JsonNode> items, boolean trusted) {
        Instant now = Instant.now();
        List<CollectResponse.ItemResult> results = new ArrayList<>(items.size());
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(items.size());
        int accepted = 0;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            normalizer.scrubber().scrub(item);
            byte[] bytes = EventCodec.encode(item);
            List<Outcome> outcomes = normalizer.normalize(channel, bytes, now);
            CollectResponse.ItemResult result = result(i, outcomes);
            if (!"rejected".equals(result.status())) {
                accepted++;
            }
            results.add(result);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(channel.rawTopic(), key(outcomes), bytes);
            if (trusted) {
                record.headers().add(Identify.TRUSTED_HEADER, TRUE);
            }
            records.add(record);
        }
        int rejected = items.size() - accepted;
        if (accepted == 0) {
            // The client holds every item and knows why each failed: nothing is published.
            return Response.status(Status.BAD_REQUEST).type("application/json")
                    .entity(new CollectResponse("rejected", 0, rejected, results)).build();
        }
        try {
            publisher.publishAll(records);
        } catch (RawPublisher.Unavailable e) {
            return unavailable(e.getMessage() + "; retrying the same request is safe, duplicates are dropped by event id");
        }
        return Response.accepted(new CollectResponse(null, accepted, rejected, results)).type("application/json").build();
    }

    private static CollectResponse.ItemResult result(int index, List<Outcome> outcomes) {
        List<String> ids = new ArrayList<>();
        Outcome.Failure firstFailure = null;
        for (Outcome o : outcomes) {
            switch (o) {
                case Outcome.Event e -> ids.add(e.event().id());
                case Outcome.Catalog c -> ids.add(c.product().productId());
                case Outcome.Failure f -> firstFailure = firstFailure == null ? f : firstFailure;
            }
        }
        String status = firstFailure == null ? "accepted" : ids.isEmpty() ? "rejected" : "partial";
        return new CollectResponse.ItemResult(index, status, ids.isEmpty() ? null : ids,
                firstFailure == null ? null : firstFailure.code(), firstFailure == null ? null : firstFailure.detail());
    }

    /** The raw record's key: the customer of the item's first event, so one customer's items stay in order. */
    private static String key(List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            if (o instanceof Outcome.Event e) {
                return e.event().subject();
            }
            if (o instanceof Outcome.Catalog c) {
                return c.product().productId();
            }
        }
        return null;
    }

    private Response unavailable(String message) {
        return Response.status(Status.SERVICE_UNAVAILABLE).header("Retry-After", config.retryAfterSeconds())
                .type("application/json").entity(new ApiError("unavailable", message)).build();
    }
}
