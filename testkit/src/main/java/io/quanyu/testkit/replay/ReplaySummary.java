package io.quanyu.testkit.replay;

import java.util.Map;
import java.util.TreeMap;

/** The outcome of publishing a replay: acknowledged messages per topic, their bytes, and how long it took. */
public record ReplaySummary(Map<String, Long> messagesPerTopic, long bytes, long elapsedMs) {

    public ReplaySummary {
        messagesPerTopic = Map.copyOf(messagesPerTopic);
    }

    public long messages() {
        return messagesPerTopic.values().stream().mapToLong(Long::longValue).sum();
    }

    public double messagesPerSecond() {
        return elapsedMs == 0 ? Double.NaN : messages() * 1000.0 / elapsedMs;
    }

    /** A short table: one row per topic, then the total with throughput. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-18s %10s%n", "published to", "messages"));
        new TreeMap<>(messagesPerTopic).forEach((t, n) -> sb.append(String.format("%-18s %,10d%n", t, n)));
        sb.append(String.format("%-18s %,10d  (%.1f MB in %,d ms: %,.0f msg/s, %.1f MB/s)%n", "total", messages(),
                bytes / 1e6, elapsedMs, messagesPerSecond(), elapsedMs == 0 ? Double.NaN : bytes / 1e3 / elapsedMs));
        return sb.toString();
    }
}
