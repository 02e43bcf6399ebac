package io.quanyu.profile.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the profile service, under {@code quanyu.profile}. */
@ConfigMapping(prefix = "quanyu.profile")
public interface ProfileConfig {

    /** Half-life of interest tags: a signal counts half as much after this long. */
    @WithDefault("P30D")
    Duration interestHalfLife();

    /** A customer first seen within this long, with at most one purchase, is "new". */
    @WithDefault("P30D")
    Duration newFor();

    /** A customer seen within this long is "active"; longer ago is "at_risk". */
    @WithDefault("P30D")
    Duration activeWithin();

    /** A customer not seen for longer than this is "lost". */
    @WithDefault("P90D")
    Duration lostAfter();

    /** How often RFM quintiles are refitted over the population. */
    @WithDefault("5m")
    String rfmRefitEvery();

    /** The consumer of events.v1. */
    Consumer consumer();

    /** The propensity and churn models and the behaviour clusters. */
    Models models();

    /** The relay of the erasure outbox. */
    Erasure erasure();

    /** Settings of the events.v1 consumer. */
    interface Consumer {

        /** Whether this instance applies events (an instance can serve the API only). */
        @WithDefault("true")
        boolean enabled();

        /** Consumer group; its offsets are kept in the database with the portraits. */
        @WithDefault("quanyu-profile")
        String groupId();

        /** Consumer threads per instance; one is fastest on 2 cores, where a second mostly waits on the first's row locks. */
        @WithDefault("1")
        int workers();

        /** Most events applied in one database transaction. */
        @WithDefault("1000")
        int maxPollRecords();

        /** Pause before a failed batch is retried. */
        @WithDefault("PT1S")
        Duration retryBackoff();

        /** How often committed portraits whose record the broker never acknowledged (the process died in between) are sent again. */
        @WithDefault("30s")
        String resendEvery();

        /** How long a committed portrait may wait for its acknowledgement before the sweep sends it again. */
        @WithDefault("PT30S")
        Duration resendAfter();
    }

    /** Settings of the erasure outbox relay. */
    interface Erasure {

        /** How often the relay looks for records an outage left in the outbox (an erasure also wakes it at once). */
        @WithDefault("PT5S")
        Duration publishEvery();
    }

    /** Settings of the models. */
    interface Models {

        /** How often the models are retrained and every customer rescored (cron-like Quarkus "every" syntax). */
        @WithDefault("1h")
        String retrainEvery();

        /** Delay of the first scheduled run after start-up (the job takes the CPU for seconds; a fresh instance has work to catch up on first). */
        @WithDefault("10m")
        String firstRunAfter();

        /** Horizon of both labels: a purchase (propensity) or no activity at all (churn) within it. */
        @WithDefault("P30D")
        Duration horizon();

        /** Fewest customers with history before a model is trained. */
        @WithDefault("50")
        int minCustomers();
    }
}
