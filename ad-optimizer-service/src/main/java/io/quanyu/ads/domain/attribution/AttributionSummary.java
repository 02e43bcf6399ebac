package io.quanyu.ads.domain.attribution;

import java.util.List;

/**
 * The outcome of attributing a batch of orders: credits per ad and channel, and what could not be attributed.
 *
 * @param credits             one row per (campaign, ad, channel), sorted by campaign, ad, channel
 * @param attributedOrders    orders with at least one eligible click
 * @param unattributedOrders  orders without an eligible click
 * @param purchasedMicros     total amount of every order in the batch
 * @param creditedMicros      total credited; equals the attributed orders' amount, never more than purchasedMicros
 * @param unattributedMicros  amount of the unattributed orders; creditedMicros + unattributedMicros = purchasedMicros
 */
public record AttributionSummary(List<AdCredit> credits, int attributedOrders, int unattributedOrders,
                                 long purchasedMicros, long creditedMicros, long unattributedMicros) {

    public AttributionSummary {
        credits = List.copyOf(credits);
    }
}
