package io.quanyu.profile.domain.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The behaviour features of one customer as of a cutoff, computed only from activities at or before that cutoff. */
public final class Features {

    /** Column names, in the order of the arrays {@link #at} returns; all values are non-negative. */
    public static final List<String> NAMES = List.of(
            "days_since_last_activity",
            "days_since_last_purchase",
            "days_since_first_seen",
            "activities_7d",
            "activities_30d",
            "activities_90d",
            "purchases_total",
            "purchases_90d",
            "net_spend_total",
            "product_views_total",
            "add_to_cart_30d",
            "distinct_categories",
            "reviews_total");

    public static final int DAYS_SINCE_LAST_ACTIVITY = NAMES.indexOf("days_since_last_activity");
    public static final int DAYS_SINCE_LAST_PURCHASE = NAMES.indexOf("days_since_last_purchase");
    public static final int PURCHASES_90D = NAMES.indexOf("purchases_90d");

    /** "Never purchased" must be a number for the linear model; a year reads as "long ago" without dominating the scale. */
    public static final double NO_PURCHASE_DAYS = 365;

    private static final double SECONDS_PER_DAY = 86_400;

    private Features() {
    }

    /** Whether the customer did anything at or before {@code cutoff}; customers who did not cannot be scored. */
    public static boolean isActive(CustomerHistory h, Instant cutoff) {
        return !h.activities().isEmpty() && !h.activities().getFirst().time().isAfter(cutoff);
    }

    /** The features as of {@code cutoff} (inclusive), or null when the customer has no activity by then. */
    public static double[] at(CustomerHistory h, Instant cutoff) {
        if (!isActive(h, cutoff)) {
            return null;
        }
        Instant d7 = cutoff.minus(Duration.ofDays(7));
        Instant d30 = cutoff.minus(Duration.ofDays(30));
        Instant d90 = cutoff.minus(Duration.ofDays(90));
        Instant first = null;
        Instant last = null;
        Instant lastPurchase = null;
        int a7 = 0;
        int a30 = 0;
        int a90 = 0;
        int purchases = 0;
        int purchases90 = 0;
        int views = 0;
        int carts30 = 0;
        int reviews = 0;
        BigDecimal spend = BigDecimal.ZERO;
        Set<String> categories = new HashSet<>();
        for (Activity a : h.activities()) {
            Instant t = a.time();
            // Activities are time-ordered, so everything from here on is in the future of the cutoff.
            if (t.isAfter(cutoff)) {
                break;
            }
            if (first == null) {
                first = t;
            }
            last = t;
            // Windows are half-open (cutoff - n days, cutoff], matching the label windows on the other side.
            boolean in7 = t.isAfter(d7);
            boolean in30 = t.isAfter(d30);
            boolean in90 = t.isAfter(d90);
            a7 += in7 ? 1 : 0;
            a30 += in30 ? 1 : 0;
            a90 += in90 ? 1 : 0;
            if (a.category() != null) {
                categories.add(a.category());
            }
            switch (a.type()) {
                case Activity.PURCHASE -> {
                    purchases++;
                    purchases90 += in90 ? 1 : 0;
                    lastPurchase = t;
                    spend = spend.add(a.amount());
                }
                case Activity.REFUND -> spend = spend.subtract(a.amount());
                case Activity.PRODUCT_VIEW -> views++;
                case Activity.ADD_TO_CART -> carts30 += in30 ? 1 : 0;
                case Activity.REVIEW -> reviews++;
                default -> {
                    // Other event types only count as activity.
                }
            }
        }
        double[] x = new double[NAMES.size()];
        int i = 0;
        x[i++] = days(last, cutoff);
        x[i++] = lastPurchase == null ? NO_PURCHASE_DAYS : Math.min(NO_PURCHASE_DAYS, days(lastPurchase, cutoff));
        x[i++] = days(first, cutoff);
        x[i++] = a7;
        x[i++] = a30;
        x[i++] = a90;
        x[i++] = purchases;
        x[i++] = purchases90;
        // Refunds can exceed purchases inside a window of history (the purchase predates it); spend is never negative.
        x[i++] = Math.max(0, spend.doubleValue());
        x[i++] = views;
        x[i++] = carts30;
        x[i++] = categories.size();
        x[i] = reviews;
        return x;
    }

    private static double days(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() / SECONDS_PER_DAY;
    }
}
