package io.quanyu.profile.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer's portrait as served and published: stored state plus what depends on the clock and the population. */
@Schema(description = "A customer's portrait across every channel")
public record PortraitView(
        @Schema(description = "Canonical customer key: the best of its linked keys (u: before a:)") String customerId,
        @Schema(description = "User id when the customer has logged in") String userId,
        @Schema(description = "Every key linked to this customer (subjects of its events)") List<String> keys,
        @Schema(description = "Traits: age, age_group, gender, occupation, zip, region where known") Map<String, String> traits,
        @Schema(description = "Events per channel") Map<String, Long> channels,
        @Schema(description = "Channel with the most events") String preferredChannel,
        Activity activity,
        Rfm rfm,
        @Schema(description = "Category interest tags, decayed to now, strongest first") Map<String, Double> categoryInterests,
        @Schema(description = "Brand interest tags, decayed to now, strongest first") Map<String, Double> brandInterests,
        @Schema(description = "new, active, at_risk or lost") String lifecycle,
        @Schema(description = "Mean sentiment of reviews and chats in [-1, 1]") Double sentiment,
        @Schema(description = "Probability of a purchase within the model horizon") Double purchasePropensity,
        @Schema(description = "Probability of no activity within the model horizon") Double churnRisk,
        @Schema(description = "Ids of the segments the customer is in") List<String> segments) {

    /** Activity statistics. */
    public record Activity(Instant firstSeen, Instant lastSeen, long events, long pageViews, long productViews, long searches,
                           long cartAdds, long favorites, long purchases, long refunds, long reviews, long chats, long logins) {
    }

    /** Recency, frequency and monetary value with 1-5 scores (quintiles of the current population). */
    public record Rfm(Double recencyDays, long frequency, BigDecimal monetary, int r, int f, int m, String label) {
    }

    /** Lifecycle thresholds. */
    public record Lifecycle(Duration newFor, Duration activeWithin, Duration lostAfter) {

        public String of(Portrait p, Instant now) {
            if (p.lastSeen == null) {
                return "new";
            }
            Duration idle = Duration.between(p.lastSeen, now);
            if (idle.compareTo(lostAfter) > 0) {
                return "lost";
            }
            if (idle.compareTo(activeWithin) > 0) {
                return "at_risk";
            }
            return Duration.between(p.firstSeen, now).compareTo(newFor) <= 0 && p.purchases <= 1 ? "new" : "active";
        }
    }

    public static PortraitView of(Portrait p, List<String> keys, Instant now, Duration halfLife, RfmScorer rfm, Lifecycle lifecycle,
                                  Double propensity, Double churn, List<String> segments) {
        return new PortraitView(p.customerId, p.userId, PortraitLimits.viewKeys(keys), p.traits, p.channels, p.preferredChannel(),
                new Activity(p.firstSeen, p.lastSeen, p.events, p.pageViews, p.productViews, p.searches, p.cartAdds, p.favorites,
                        p.purchases, p.refunds, p.reviews, p.chats, p.logins),
                rfm.score(p, now), top(p.categories, now, halfLife), top(p.brands, now, halfLife), lifecycle.of(p, now),
                p.sentiment(), propensity, churn, segments);
    }

    private static Map<String, Double> top(Map<String, Decayed> scores, Instant now, Duration halfLife) {
        Map<String, Double> out = new LinkedHashMap<>();
        scores.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), Math.round(e.getValue().valueAt(now, halfLife) * 1000) / 1000.0))
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(10).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
