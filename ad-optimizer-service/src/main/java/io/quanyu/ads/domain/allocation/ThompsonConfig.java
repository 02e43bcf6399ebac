package io.quanyu.ads.domain.allocation;

/**
 * Settings of {@link ThompsonAllocator}.
 *
 * @param discount         weight of yesterday's evidence relative to today's, in (0, 1]; 1 keeps everything (a
 *                         stationary market), 0.98 remembers about 50 periods (the ads-policy bench's best
 *                         compromise when conversion rates drift; 0.95 forgets too fast for low-volume campaigns)
 * @param draws            posterior draws per decision; the allocation is the average of the optimal allocations
 *                         under each draw (1 is classic one-sample Thompson sampling, more gives a steadier split)
 * @param priorAlpha       Beta prior on the conversion rate: pseudo-conversions
 * @param priorBeta        Beta prior on the conversion rate: pseudo-clicks without conversion
 * @param priorValueOrders Gamma prior strength on the order-value rate, in pseudo-orders at the pooled mean order
 *                         value; priorValueOrders · orderValueShape > 1 so the sampled mean value has a finite mean
 * @param orderValueShape  the shape k of the Gamma distribution order values are modelled with, 1 / CV² of order
 *                         amounts: 1 is the exponential (CV 1), larger for less dispersed baskets; the service can
 *                         estimate it from its order amounts. Only the rate is learnt per campaign.
 */
public record ThompsonConfig(double discount, int draws, double priorAlpha, double priorBeta,
                             double priorValueOrders, double orderValueShape) {

    public ThompsonConfig {
        if (!(discount > 0 && discount <= 1) || draws < 1 || !(priorAlpha > 0) || !(priorBeta > 0)
                || !(orderValueShape > 0) || Double.isInfinite(orderValueShape)
                || !(priorValueOrders * orderValueShape > 1)) {
            throw new IllegalArgumentException("need 0 < discount <= 1, draws >= 1, priors > 0, a finite "
                    + "orderValueShape > 0 and priorValueOrders * orderValueShape > 1");
        }
    }

    /** No discounting, 200 draws, uniform Beta(1, 1) prior on the conversion rate, 2 pseudo-orders, exponential values. */
    public static ThompsonConfig defaults() {
        return new ThompsonConfig(1.0, 200, 1, 1, 2, 1);
    }

    /** The defaults with a discount factor. */
    public static ThompsonConfig discounted(double discount) {
        return new ThompsonConfig(discount, 200, 1, 1, 2, 1);
    }

    /** This configuration with another order-value shape. */
    public ThompsonConfig withOrderValueShape(double shape) {
        return new ThompsonConfig(discount, draws, priorAlpha, priorBeta, priorValueOrders, shape);
    }
}
