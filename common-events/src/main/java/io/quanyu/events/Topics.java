package io.quanyu.events;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every Kafka topic of the suite: the names services and tests use, and how each is created. */
public final class Topics {

    /** Prefix of the per-channel raw topics; see {@link Channel#rawTopic()}. */
    public static final String RAW_PREFIX = "raw.";
    public static final String RAW_WEB = "raw.web";
    public static final String RAW_APP = "raw.app";
    public static final String RAW_MINIPROGRAM = "raw.miniprogram";
    public static final String RAW_STORE = "raw.store";
    public static final String RAW_ADS = "raw.ads";
    public static final String RAW_CATALOG = "raw.catalog";

    /** Normalized CloudEvents, key = canonical user key. */
    public static final String EVENTS = "events.v1";
    /** Typed failures with the original bytes, replayable after a fix. */
    public static final String EVENTS_FAILED = "events.failed.v1";
    /** Latest product per product id (compacted). */
    public static final String CATALOG_PRODUCTS = "catalog.products.v1";
    /** Latest portrait changes per user key (compacted; tombstone on erasure). */
    public static final String PROFILE_UPDATES = "profile.updates.v1";
    /** Identity merges: which ids now resolve to which canonical customer. */
    public static final String PROFILE_IDENTITY = "profile.identity.v1";
    public static final String RECOMMENDATIONS = "recommendations.v1";
    public static final String CHAT_TRANSCRIPTS = "chat.transcripts.v1";
    public static final String SUPPORT_HANDOFF = "support.handoff.v1";
    public static final String INVENTORY_FORECASTS = "inventory.forecasts.v1";
    public static final String INVENTORY_ALERTS = "inventory.alerts.v1";
    public static final String ADS_DECISIONS = "ads.decisions.v1";
    /** What the engagement service decided to do for a customer (grant an offer, send a message); key = user key. */
    public static final String ENGAGEMENT_ACTIONS = "engagement.actions.v1";
    public static final String PRIVACY_ERASURE = "privacy.erasure.v1";
    public static final String PRIVACY_ERASURE_ACKS = "privacy.erasure.acks.v1";
    /**
     * Records a consumer could not apply (undecodable, or refused by its store for what they contain), parked with
     * where they came from so one bad record costs one record; key = the consumer, value = {@link DeadLetter}.
     */
    public static final String EVENTS_DEADLETTER = "events.deadletter.v1";

    /** Partitions of per-customer topics: the ceiling on consumer instances per group. */
    public static final int CUSTOMER_PARTITIONS = 6;

    /** Every topic with its creation spec; {@code ./quanyu up}, the test kit and Kubernetes use this list. */
    public static final List<TopicSpec> ALL = List.of(
            TopicSpec.stream(RAW_WEB, CUSTOMER_PARTITIONS),
            TopicSpec.stream(RAW_APP, CUSTOMER_PARTITIONS),
            TopicSpec.stream(RAW_MINIPROGRAM, CUSTOMER_PARTITIONS),
            TopicSpec.stream(RAW_STORE, CUSTOMER_PARTITIONS),
            TopicSpec.stream(RAW_ADS, CUSTOMER_PARTITIONS),
            TopicSpec.stream(RAW_CATALOG, 3),
            TopicSpec.stream(EVENTS, CUSTOMER_PARTITIONS, Duration.ofDays(30)),
            TopicSpec.stream(EVENTS_FAILED, 3, Duration.ofDays(30)),
            TopicSpec.compacted(CATALOG_PRODUCTS, 3),
            TopicSpec.compacted(PROFILE_UPDATES, CUSTOMER_PARTITIONS),
            TopicSpec.stream(PROFILE_IDENTITY, CUSTOMER_PARTITIONS, Duration.ofDays(30)),
            TopicSpec.compacted(RECOMMENDATIONS, CUSTOMER_PARTITIONS),
            TopicSpec.stream(CHAT_TRANSCRIPTS, CUSTOMER_PARTITIONS),
            TopicSpec.stream(SUPPORT_HANDOFF, 3),
            TopicSpec.compacted(INVENTORY_FORECASTS, 3),
            TopicSpec.stream(INVENTORY_ALERTS, 3),
            TopicSpec.stream(ADS_DECISIONS, 3),
            TopicSpec.stream(ENGAGEMENT_ACTIONS, CUSTOMER_PARTITIONS),
            TopicSpec.stream(PRIVACY_ERASURE, 3, Duration.ofDays(30)),
            TopicSpec.stream(PRIVACY_ERASURE_ACKS, 3, Duration.ofDays(30)),
            TopicSpec.stream(EVENTS_DEADLETTER, 3, Duration.ofDays(30)));

    private Topics() {
    }

    /** The spec of a topic by name. */
    public static Optional<TopicSpec> spec(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
