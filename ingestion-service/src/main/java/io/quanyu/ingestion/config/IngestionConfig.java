package io.quanyu.ingestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the ingestion service, under {@code quanyu.ingestion}. */
@ConfigMapping(prefix = "quanyu.ingestion")
public interface IngestionConfig {

    /** Secret of the HMAC that replaces raw phone numbers and e-mails (env QUANYU_PII_SECRET; at least 16 characters). */
    String piiSecret();

    /** Channel API keys as {@code web=KEY,app=KEY,...} (env QUANYU_API_KEYS); a channel without a key accepts no HTTP traffic. */
    Optional<String> apiKeys();

    /**
     * Server-side keys as {@code web=KEY,app=KEY,miniprogram=KEY} (env QUANYU_SERVER_KEYS): the shop's back end sends a
     * channel's events with it, and only its logins may link phones, e-mails and member cards.
     */
    Optional<String> serverKeys();

    /** Largest raw message accepted, in bytes; larger ones fail with {@code too_large}. */
    @WithDefault("262144")
    int maxMessageBytes();

    /** Time zone of local times when neither the message nor the store configuration names one. */
    @WithDefault("Asia/Shanghai")
    String defaultZone();

    /** Per-store time zones as {@code storeId=Zone,storeId=Zone}, for POS systems that send local times without a zone. */
    Optional<String> storeZones();

    /** How far after its arrival an event time may lie before it is refused as {@code clock_skew}. */
    @WithDefault("PT5M")
    Duration maxClockAhead();

    /** Event times before this instant are refused as {@code clock_skew}. */
    @WithDefault("2000-01-01T00:00:00Z")
    String earliestEventTime();

    /** The Kafka pipeline from raw topics to events.v1. */
    Pipeline pipeline();

    /** Duplicate detection by event id. */
    Dedupe dedupe();

    /** The HTTP collector. */
    Collector collector();

    /** Settings of the raw-to-normalized pipeline. */
    interface Pipeline {

        /** Whether the pipeline runs in this instance (an instance can serve HTTP only). */
        @WithDefault("true")
        boolean enabled();

        /** Consumer group of the pipeline; instances in one group share the raw partitions. */
        @WithDefault("quanyu-ingestion")
        String groupId();

        /** Consumer threads per instance, each with its own transactional producer. */
        @WithDefault("2")
        int workers();

        /** Prefix of the transactional ids; must be unique per instance and stable across its restarts (env HOSTNAME is used). */
        @WithDefault("quanyu-ingestion-${HOSTNAME:local}")
        String transactionalIdPrefix();

        /** Most raw records handled in one transaction. */
        @WithDefault("2000")
        int maxPollRecords();

        /** Time a crashed instance's open transaction blocks read_committed consumers at most. */
        @WithDefault("PT20S")
        Duration transactionTimeout();

        /** Pause after a failed batch (database or broker down) before it is retried. */
        @WithDefault("PT1S")
        Duration retryBackoff();

        /** Readiness turns DOWN when batches have failed for this long without a success in between. */
        @WithDefault("PT30S")
        Duration unhealthyAfter();
    }

    /** Settings of duplicate detection. */
    interface Dedupe {

        /** How long an event id is remembered: a message resent within this window is dropped. */
        @WithDefault("P7D")
        Duration window();

        /** How often ids older than the window are deleted. */
        @WithDefault("PT15M")
        Duration cleanupEvery();
    }

    /** Settings of the HTTP collector. */
    interface Collector {

        /** Largest request body, in bytes; larger ones get 413. */
        @WithDefault("524288")
        int maxBodyBytes();

        /** Most items in one JSON array batch; more get 413. */
        @WithDefault("1000")
        int maxItems();

        /** Items being published at once across all requests; beyond this requests get 503 with Retry-After. */
        @WithDefault("20000")
        int maxInFlight();

        /** How long a request waits for the broker's acknowledgement before it answers 503. */
        @WithDefault("PT5S")
        Duration sendTimeout();

        /** Seconds a client is told to wait (Retry-After) when shed. */
        @WithDefault("1")
        int retryAfterSeconds();
    }
}
