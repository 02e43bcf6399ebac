package io.quanyu.forecast.domain.inventory;

/** One classified item: its revenue, its share of the total, the cumulative share up to and including it, its class. */
public record AbcItem(String key, double revenue, double share, double cumulativeShare, AbcClass abcClass) {
}
