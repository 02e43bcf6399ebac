package io.quanyu.ads.domain.attribution;

/**
 * The part of one order credited to one ad on one channel.
 *
 * @param orderId       the order credited
 * @param campaignId    the campaign of the ad
 * @param adId          the ad
 * @param channel       the channel the click came from
 * @param conversions   the share of the conversion, in (0, 1]; an order's shares add up to 1 (up to double rounding)
 * @param revenueMicros the share of the amount; an order's shares add up to exactly its amount
 */
public record Credit(String orderId, String campaignId, String adId, String channel, double conversions,
                     long revenueMicros) {
}
