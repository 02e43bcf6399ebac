package io.quanyu.recommender.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the recommender service, under {@code quanyu.recommender}. */
@ConfigMapping(prefix = "quanyu.recommender")
public interface RecommenderConfig {

    /** Consumer group of the events.v1 reader (the erasure listener uses this plus "-erasure"). */
    @WithDefault("quanyu-recommender")
    String groupId();

    /** Whether this instance reads events.v1, the catalog, the portraits and erasures (an instance can serve from the database only). */
    @WithDefault("true")
    boolean consume();

    /** How often the models are retrained on all interactions (between trainings, live events are folded in). */
    @WithDefault("10m")
    String retrainEvery();

    /** Delay of the first training after start-up. */
    @WithDefault("5s")
    String firstTrainingAfter();

    /** Publishing refreshed lists on recommendations.v1. */
    Publish publish();

    /** Settings of the recommendations.v1 publication. */
    interface Publish {

        /** Whether this instance takes part in publishing (one instance publishes each window). */
        @WithDefault("true")
        boolean enabled();

        /** How often customers active since the last publication get a fresh list. */
        @WithDefault("60s")
        String every();

        /** How many items a published list has. */
        @WithDefault("20")
        int size();

        /** How far behind now a window ends, so that interactions still being committed fall in the next one. */
        @WithDefault("5s")
        Duration settle();
    }
}
