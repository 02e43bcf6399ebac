package io.quanyu.recommender.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the recommender service, under {@code quanyu.recommender}. */
@ConfigMapping(prefix = "quanyu.recommender")
public interface RecommenderConfig {

    /** Consumer group of the events.v1 reader. */
    @WithDefault("quanyu-recommender")
    String groupId();

    /** Whether this instance reads events.v1 and the catalog (an instance can serve from the database only). */
    @WithDefault("true")
    boolean consume();

    /** How often the models are retrained on all interactions (between trainings, live events are folded in). */
    @WithDefault("10m")
    String retrainEvery();

    /** Delay of the first training after start-up. */
    @WithDefault("5s")
    String firstTrainingAfter();
}
