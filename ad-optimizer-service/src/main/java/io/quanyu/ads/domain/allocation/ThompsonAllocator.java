package io.quanyu.ads.domain.allocation;

import io.quanyu.ads.domain.stat.Sampling;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Thompson sampling over campaigns. Each campaign's return per unit of spend is cvr · order value / cpc with a Beta
 * posterior on the conversion rate and a Gamma posterior on the order-value rate (see {@link ArmPosterior}); returns
 * are linear in spend, so under one posterior draw the best allocation fills campaigns in order of sampled return up
 * to their maximums. The decision is the average of those allocations over {@link ThompsonConfig#draws()} draws
 * (probability matching of the optimal allocation), which satisfies the constraints because each one does.
 * Not thread-safe when sharing the generator.
 */
public final class ThompsonAllocator implements AllocationPolicy {

    private final ThompsonConfig config;
    private final RandomGenerator rng;

    /** @param rng the source of posterior draws; seed it for reproducible decisions */
    public ThompsonAllocator(ThompsonConfig config, RandomGenerator rng) {
        this.config = Objects.requireNonNull(config, "config");
        this.rng = Objects.requireNonNull(rng, "rng");
    }

    @Override
    public String name() {
        return config.discount() < 1 ? String.format(Locale.ROOT, "thompson(discount %.2f)", config.discount())
                : "thompson";
    }

    /** The posteriors behind a decision, aligned with the constraints' campaigns. */
    public List<ArmPosterior> posteriors(BudgetConstraints constraints, List<CampaignHistory> history) {
        CampaignHistory[] h = CampaignHistory.align(constraints, history);
        DailyStats[] s = new DailyStats[h.length];
        DailyStats pooled = DailyStats.EMPTY;
        for (int i = 0; i < h.length; i++) {
            s[i] = h[i].discounted(config.discount());
            pooled = pooled.plus(s[i]);
        }
        // Pooled figures stand in where a campaign has no evidence of its own: an empirical-Bayes prior scale.
        double pooledValue = pooled.conversions() > 0 && pooled.revenue() > 0
                ? pooled.revenue() / pooled.conversions() : 1.0;
        double pooledCpc = pooled.clicks() > 0 && pooled.spend() > 0 ? pooled.spend() / pooled.clicks() : 1.0;
        List<ArmPosterior> out = new ArrayList<>(h.length);
        for (int i = 0; i < h.length; i++) {
            DailyStats d = s[i];
            double conversions = Math.min(d.conversions(), d.clicks());
            double cpc = d.clicks() > 0 && d.spend() > 0 ? d.spend() / d.clicks() : pooledCpc;
            // Conjugate update of the order-value rate: each order adds k to the shape and its amount to the rate;
            // the prior is priorValueOrders pseudo-orders at the pooled mean value.
            double k = config.orderValueShape();
            out.add(new ArmPosterior(h[i].campaignId(), config.priorAlpha() + conversions,
                    config.priorBeta() + d.clicks() - conversions, k, k * (config.priorValueOrders() + d.conversions()),
                    config.priorValueOrders() * pooledValue + d.revenue(), cpc));
        }
        return out;
    }

    @Override
    public Allocation allocate(BudgetConstraints constraints, List<CampaignHistory> history) {
        List<ArmPosterior> post = posteriors(constraints, history);
        int n = post.size();
        double[] lo = constraints.mins();
        double[] hi = constraints.maxs();
        double target = constraints.spendable();
        double[] mean = new double[n];
        int[] best = new int[n];
        double[] sampled = new double[n];
        Integer[] order = new Integer[n];
        int[] orderInts = new int[n];
        for (int d = 0; d < config.draws(); d++) {
            for (int i = 0; i < n; i++) {
                ArmPosterior p = post.get(i);
                double cvr = Sampling.beta(rng, p.alpha(), p.beta());
                double value = p.orderShape() / Sampling.gamma(rng, p.valueShape(), 1 / p.valueRate());
                sampled[i] = cvr * value / p.costPerClick();
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -sampled[i]));
            best[order[0]]++;
            for (int i = 0; i < n; i++) {
                orderInts[i] = order[i];
            }
            double[] s = Splits.greedy(lo, hi, orderInts, target);
            for (int i = 0; i < n; i++) {
                mean[i] += s[i] / config.draws();
            }
        }
        Splits.fix(mean, lo, hi, target);
        String[] reasons = new String[n];
        int leader = IntStream.range(0, n).reduce((a, b) -> best[b] > best[a] ? b : a).orElse(0);
        for (int i = 0; i < n; i++) {
            ArmPosterior p = post.get(i);
            reasons[i] = String.format(Locale.ROOT,
                    "posterior mean ROAS %.2f (CVR %.2f%% on %.0f clicks, mean order value %.2f, CPC %.2f), P(best)=%.2f",
                    p.meanRoas(), 100 * p.meanConversionRate(), p.alpha() + p.beta() - config.priorAlpha()
                            - config.priorBeta(), p.meanOrderValue(), p.costPerClick(),
                    best[i] / (double) config.draws());
        }
        return Allocation.of(name(), constraints, mean, reasons, String.format(Locale.ROOT,
                "Thompson sampling over %d posterior draws (discount %.2f); most likely best: %s (P=%.2f)",
                config.draws(), config.discount(), post.get(leader).campaignId(),
                best[leader] / (double) config.draws()));
    }
}
