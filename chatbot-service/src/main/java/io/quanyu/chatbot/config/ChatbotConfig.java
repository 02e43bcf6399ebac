package io.quanyu.chatbot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the chatbot service, under {@code quanyu.chatbot}. */
@ConfigMapping(prefix = "quanyu.chatbot")
public interface ChatbotConfig {

    /** Consumer group of the events.v1 reader (the erasure worker uses this plus "-erasure"). */
    @WithDefault("quanyu-chatbot")
    String groupId();

    /** Whether this instance reads events.v1, the catalog and erasures (an instance can serve from the database only). */
    @WithDefault("true")
    boolean consume();

    /** A session idle this long is forgotten: the next turn starts a new conversation. */
    @WithDefault("30m")
    Duration sessionTtl();

    /** Texts longer than this are refused with 413 (the NLP reads at most its first 2,000 characters anyway). */
    @WithDefault("20000")
    int maxTextChars();

    /** Base URL of the recommender-service, asked for products similar to the one a customer asks about. */
    @WithDefault("http://localhost:8083")
    String recommenderUrl();

    /** How long a product answer waits for the recommender before answering without similar products. */
    @WithDefault("300ms")
    Duration recommenderTimeout();

    /** Base URL of the engagement-service, asked (with the customer's own token) for the coupons a customer can use. */
    @WithDefault("http://localhost:8087")
    String engagementUrl();

    /** How long a promotion answer waits for the engagement-service before answering without coupons. */
    @WithDefault("300ms")
    Duration engagementTimeout();

    /** Directory of online-shopping-zh/ and amazon-finefoods/ review CSVs to retrain the sentiment models on after start-up (about 1.5 GB of heap); unset, the models shipped in the jar serve. */
    Optional<String> sentimentData();

    /** Feedback one credential may give at once (a customer, the reader token, the admin token), per instance. */
    @WithDefault("20")
    int feedbackBurst();

    /** After the burst, one more piece of feedback per credential this often. */
    @WithDefault("3s")
    Duration feedbackRefill();

    /** How often an instance checks for new confirmed feedback and retrains its intent model on it. */
    @WithDefault("5m")
    Duration retrainEvery();

    /** How often unpublished turns and hand-offs are sent to Kafka (they are also sent right after each turn). */
    @WithDefault("2s")
    Duration publishEvery();
}
