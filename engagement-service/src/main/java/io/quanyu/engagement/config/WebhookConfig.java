package io.quanyu.engagement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the outgoing webhooks' delivery, under {@code quanyu.engagement.webhooks}. */
@ConfigMapping(prefix = "quanyu.engagement.webhooks")
public interface WebhookConfig {

    /** Whether this instance enqueues and sends webhook deliveries (also needs quanyu.engagement.consume). */
    @WithDefault("true")
    boolean deliver();

    /** How often the deliverer enqueues new actions and claims due deliveries. */
    @WithDefault("1s")
    Duration pollEvery();

    /** Actions turned into deliveries per enqueue statement (the round repeats while a batch is full). */
    @WithDefault("500")
    int enqueueBatch();

    /** How far before its cursor the enqueue looks again: an action is committed a little after the time it carries. */
    @WithDefault("10m")
    Duration enqueueMargin();

    /** Requests in flight per channel: a slow or failing endpoint uses up its own channel's, never another's. */
    @WithDefault("4")
    int perChannelConcurrency();

    /** Time to open a connection to a receiver. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Time for a receiver to answer a request, after which the attempt counts as failed and is retried. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** Delay before the first retry; each further retry doubles it (with jitter) up to the cap. */
    @WithDefault("10s")
    Duration backoffBase();

    /** Longest delay between two attempts. */
    @WithDefault("1h")
    Duration backoffCap();
}
