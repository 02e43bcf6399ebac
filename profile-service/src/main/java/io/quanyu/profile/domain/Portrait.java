package io.quanyu.profile.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The accumulated state of one customer, as stored (a JSON document) and updated event by event. Derived
 * figures that depend on the clock or on the population (RFM scores, lifecycle) are computed when read.
 */
public final class Portrait {

    public String customerId;
    public String userId;
    /** What identify events said about the person (age, gender, occupation, zip...), plus derived age group and region. */
    public Map<String, String> traits = new TreeMap<>();
    /** Events per channel. */
    public Map<String, Long> channels = new TreeMap<>();
    public Instant firstSeen;
    public Instant lastSeen;
    public long events;
    public long pageViews;
    public long productViews;
    public long searches;
    public long cartAdds;
    public long favorites;
    public long purchases;
    public long refunds;
    public long reviews;
    public long chats;
    public long logins;
    public BigDecimal monetary = BigDecimal.ZERO;
    public Instant lastPurchaseAt;
    public Map<String, Decayed> categories = new TreeMap<>();
    public Map<String, Decayed> brands = new TreeMap<>();
    /** Sum and count of sentiments in [-1, 1] from review ratings and chat messages. */
    public double sentimentSum;
    public long sentimentCount;

    public Portrait() {
    }

    public Portrait(String customerId) {
        this.customerId = customerId;
    }

    /** Folds {@code other} (a customer found to be the same person) into this one. */
    public void absorb(Portrait other, Duration halfLife) {
        if (userId == null) {
            userId = other.userId;
        }
        other.traits.forEach(traits::putIfAbsent);
        other.channels.forEach((c, n) -> channels.merge(c, n, Long::sum));
        firstSeen = min(firstSeen, other.firstSeen);
        lastSeen = max(lastSeen, other.lastSeen);
        lastPurchaseAt = max(lastPurchaseAt, other.lastPurchaseAt);
        events += other.events;
        pageViews += other.pageViews;
        productViews += other.productViews;
        searches += other.searches;
        cartAdds += other.cartAdds;
        favorites += other.favorites;
        purchases += other.purchases;
        refunds += other.refunds;
        reviews += other.reviews;
        chats += other.chats;
        logins += other.logins;
        monetary = monetary.add(other.monetary);
        other.categories.forEach((k, v) -> categories.merge(k, v, (a, b) -> a.merge(b, halfLife)));
        other.brands.forEach((k, v) -> brands.merge(k, v, (a, b) -> a.merge(b, halfLife)));
        sentimentSum += other.sentimentSum;
        sentimentCount += other.sentimentCount;
        PortraitLimits.trim(this, lastSeen == null ? java.time.Instant.now() : lastSeen, halfLife);
    }

    /** The channel with the most events, ties broken by name. */
    public String preferredChannel() {
        return channels.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(null);
    }

    /** Mean sentiment in [-1, 1], or null with no signal. */
    public Double sentiment() {
        return sentimentCount == 0 ? null : sentimentSum / sentimentCount;
    }

    static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
