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

    /** Delay of the first training after start-up; the cold-start threshold check waits as long. */
    @WithDefault("5s")
    String firstTrainingAfter();

    /** Serving before the first training, and when that training starts. */
    ColdStart coldStart();

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

    /** Settings of the cold start: live counts serve until a model is trained, and the first training starts early. */
    interface ColdStart {

        /** Interactions stored that start the first training at once, instead of at the next scheduled slot (later ones follow retrain-every). */
        @WithDefault("50")
        int trainAfterInteractions();

        /** How often a service without a trained model checks whether train-after-interactions is reached. */
        @WithDefault("1s")
        String checkEvery();

        /** Pause after a first training that failed or produced no model, before the next attempt. */
        @WithDefault("30s")
        Duration retryAfter();

        /** How many of the latest stored interactions the live popularity and co-occurrence are counted from. */
        @WithDefault("20000")
        int recentInteractions();

        /** Half-life of an interaction in the live popularity: a day, so this morning's favourites outrank last week's. */
        @WithDefault("24h")
        Duration halfLife();

        /** How long the live counts are reused before being counted again (bounds their database cost under load). */
        @WithDefault("1s")
        Duration refresh();
    }
}
