package io.quanyu.ads.domain.attribution;

/**
 * Credited conversions and revenue of one ad on one channel, summed over many orders.
 *
 * @param conversions   fractional under {@link AttributionModel#LINEAR}
 * @param revenueMicros exact sum of the orders' credited micros
 */
public record AdCredit(String campaignId, String adId, String channel, double conversions, long revenueMicros) {
}
