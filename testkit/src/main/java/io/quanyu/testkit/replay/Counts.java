package io.quanyu.testkit.replay;

import java.util.Map;

/** What a list of raw messages will become after ingestion: messages per raw topic and normalized events by kind. */
public record Counts(Map<String, Integer> messagesPerTopic, int catalogProducts, int logins, int views, int reviews,
                     int purchases, int receipts, int appBatches, int appEvents) {

    // purchases includes the store receipts (receipts is that part); an app batch of k events counts k events.
    public Counts {
        messagesPerTopic = Map.copyOf(messagesPerTopic);
    }

    /** Events ingestion will publish on {@code events.v1}: one identify per login, plus every view, review and purchase. */
    public int expectedEvents() {
        return logins + views + reviews + purchases;
    }

    /** Products ingestion will publish on {@code catalog.products.v1}. */
    public int expectedProducts() {
        return catalogProducts;
    }

    public int messages() {
        return messagesPerTopic.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** A short two-part table: messages per raw topic, then derived events by kind. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-18s %10s%n", "raw topic", "messages"));
        new java.util.TreeMap<>(messagesPerTopic).forEach((t, n) -> sb.append(String.format("%-18s %,10d%n", t, n)));
        sb.append(String.format("%-18s %,10d%n", "total", messages()));
        sb.append(String.format("%n%-18s %10s%n", "derived", "count"));
        row(sb, "catalog products", catalogProducts);
        row(sb, "logins (identify)", logins);
        row(sb, "product views", views);
        row(sb, "reviews", reviews);
        row(sb, "purchases", purchases);
        row(sb, "  of which receipts", receipts);
        row(sb, "app batches", appBatches);
        row(sb, "  app events", appEvents);
        row(sb, "events.v1 expected", expectedEvents());
        return sb.toString();
    }

    private static void row(StringBuilder sb, String label, int n) {
        sb.append(String.format("%-18s %,10d%n", label, n));
    }
}
