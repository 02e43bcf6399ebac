package io.quanyu.console.domain;

/** The services the console reads from, by the name pages and messages use. */
public enum Service {
    INGESTION("ingestion-service"),
    PROFILE("profile-service"),
    RECOMMENDER("recommender-service"),
    CHATBOT("chatbot-service"),
    FORECAST("forecast-service"),
    ADS("ad-optimizer-service"),
    ENGAGEMENT("engagement-service");

    private final String label;

    Service(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
