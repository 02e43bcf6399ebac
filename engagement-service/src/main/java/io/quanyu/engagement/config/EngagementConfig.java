package io.quanyu.engagement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the engagement service, under {@code quanyu.engagement}. */
@ConfigMapping(prefix = "quanyu.engagement")
public interface EngagementConfig {

    /** Consumer group of the events.v1 reader (the erasure worker uses this plus "-erasure"). */
    @WithDefault("quanyu-engagement")
    String groupId();

    /** Whether this instance reads events.v1 and erasures and runs the sweep (an instance can serve from the database only). */
    @WithDefault("true")
    boolean consume();

    /** How often the sweep looks for triggers whose wait is over (250 ms keeps cart-to-action p99 under 1 s; README "Benchmarks"). */
    @WithDefault("250ms")
    Duration sweepEvery();

    /** Triggers decided per sweep transaction round (each trigger is its own transaction within the round). */
    @WithDefault("200")
    int sweepBatch();

    /** A cart change older than this when it is read (a replay of history) starts no journey. */
    @WithDefault("1d")
    Duration maxTriggerAge();

    /** How often unpublished actions are sent to Kafka (they are also sent right after each sweep that wrote some). */
    @WithDefault("2s")
    Duration publishEvery();

    /** How often the sweep starts the birthday journeys of customers whose birthday it is (each once a year). */
    @WithDefault("10m")
    Duration birthdayScanEvery();

    /** Length of generated coupon codes (Crockford base-32, 5 bits each: 12 characters are 60 random bits). */
    @WithDefault("12")
    int codeLength();
}
