package io.quanyu.console.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The previous sample of ingestion's per-channel event counters, so the overview can say events per minute from two
 * scrapes of /q/metrics. Counters only, nobody's data; a restart of the console starts over.
 */
@ApplicationScoped
public class MetricsHistory {

    private record Sample(Instant at, Map<String, Double> totals) {
    }

    private Sample previous;

    /** Events per minute per channel since the previous sample (at least 5 s ago), or null on the first sample. */
    public synchronized Map<String, Double> rate(Instant now, Map<String, Double> totals) {
        Sample p = previous;
        if (p == null || Duration.between(p.at(), now).toMillis() >= 5000) {
            previous = new Sample(now, Map.copyOf(totals));
        }
        if (p == null) {
            return null;
        }
        double minutes = Math.max(Duration.between(p.at(), now).toMillis(), 1) / 60_000.0;
        Map<String, Double> out = new HashMap<>();
        totals.forEach((ch, v) -> {
            // A counter that went down means the service restarted: count from zero.
            double before = p.totals().getOrDefault(ch, 0.0);
            out.put(ch, (v >= before ? v - before : v) / minutes);
        });
        return out;
    }
}
