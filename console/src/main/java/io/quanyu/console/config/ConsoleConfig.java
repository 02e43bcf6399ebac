package io.quanyu.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the console finds the services, and how long it waits for them. */
@ConfigMapping(prefix = "quanyu.console")
public interface ConsoleConfig {

    /** Base URL of ingestion-service (health and metrics only: the console writes no events). */
    @WithDefault("http://localhost:8081")
    String ingestionUrl();

    /** Base URL of profile-service. */
    @WithDefault("http://localhost:8082")
    String profileUrl();

    /** Base URL of recommender-service. */
    @WithDefault("http://localhost:8083")
    String recommenderUrl();

    /** Base URL of chatbot-service. */
    @WithDefault("http://localhost:8084")
    String chatbotUrl();

    /** Base URL of forecast-service. */
    @WithDefault("http://localhost:8085")
    String forecastUrl();

    /** Base URL of ad-optimizer-service. */
    @WithDefault("http://localhost:8086")
    String adsUrl();

    /** Base URL of engagement-service (journeys, offers and their uplift). */
    @WithDefault("http://localhost:8087")
    String engagementUrl();

    /** Longest wait for one backend call; a page shows what answered in time and says what did not. */
    @WithDefault("3s")
    Duration timeout();

    /** The suite's PII secret (QUANYU_PII_SECRET), to hash a phone number typed in the search as ingestion does; unset, phone search is off. */
    java.util.Optional<String> piiSecret();

    /** Mark the sign-in cookie Secure (set it when the console is served over TLS only, as in production). */
    @WithDefault("false")
    boolean secureCookie();
}
