package io.quanyu.ads.domain.sim;

import io.quanyu.ads.domain.allocation.Allocation;
import io.quanyu.ads.domain.allocation.AllocationPolicy;
import io.quanyu.ads.domain.allocation.BudgetConstraints;
import io.quanyu.ads.domain.allocation.CampaignHistory;
import io.quanyu.ads.domain.allocation.DailyStats;
import io.quanyu.ads.domain.allocation.Splits;
import io.quanyu.ads.domain.stat.Sampling;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Runs an {@link AllocationPolicy} against a {@link Market} round by round: the policy splits the round's budget from
 * the history so far, the market turns each campaign's spend into clicks, conversions and revenue, and regret is
 * measured against an oracle that knows the true rates and respects the same constraints.
 */
public final class Simulator {

    private Simulator() {
    }

    /** The constraints every policy (and the oracle) faces in the scenario. */
    public static BudgetConstraints constraints(SimScenario s) {
        List<String> ids = IntStream.range(0, s.campaigns()).mapToObj(Market::id).toList();
        return BudgetConstraints.shares(s.dailyBudget(), ids, s.minShare(), s.maxShare());
    }

    /** The best expected revenue any allocation can get in a round: fill campaigns by true ROAS, best first. */
    public static double[] oracleSpend(Market m, BudgetConstraints c, int round) {
        int k = m.size();
        double[] lo = c.campaigns().stream().mapToDouble(b -> b.min()).toArray();
        double[] hi = c.campaigns().stream().mapToDouble(b -> b.max()).toArray();
        int[] order = IntStream.range(0, k).boxed().sorted(Comparator.comparingDouble(i -> -m.roas(round, i)))
                .mapToInt(Integer::intValue).toArray();
        return Splits.greedy(lo, hi, order, c.total());
    }

    /**
     * Runs the policy on the seed's market. The outcome random stream is derived from the seed alone, so policies
     * compared on a seed start from the same market and the same random numbers.
     *
     * @throws IllegalStateException when the policy returns an allocation that breaks the constraints
     */
    public static RunResult run(SimScenario s, long seed, AllocationPolicy policy) {
        Market market = Market.draw(s, seed);
        RandomGenerator rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        BudgetConstraints c = constraints(s);
        int k = market.size();
        List<List<DailyStats>> days = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            days.add(new ArrayList<>());
        }
        double regret = 0;
        double revenue = 0;
        double expected = 0;
        double oracle = 0;
        double[] regretByRound = new double[s.rounds()];
        for (int t = 0; t < s.rounds(); t++) {
            List<CampaignHistory> history = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                history.add(new CampaignHistory(Market.id(i), days.get(i)));
            }
            Allocation a = policy.allocate(c, history);
            double[] spend = a.spends();
            String violation = c.violation(spend);
            if (violation != null) {
                throw new IllegalStateException(policy.name() + " broke the constraints in round " + t + ": " + violation);
            }
            double[] best = oracleSpend(market, c, t);
            for (int i = 0; i < k; i++) {
                DailyStats d = outcome(market, t, i, spend[i], rng);
                days.get(i).add(d);
                revenue += d.revenue();
                expected += spend[i] * market.roas(t, i);
                oracle += best[i] * market.roas(t, i);
            }
            regret = oracle - expected;
            regretByRound[t] = regret;
        }
        return new RunResult(policy.name(), seed, regret, revenue, expected, oracle, regretByRound);
    }

    /** One campaign's round: clicks = spend / cpc with the fraction rounded at random, Binomial conversions. */
    static DailyStats outcome(Market m, int round, int i, double spend, RandomGenerator rng) {
        double exact = spend / m.cpc(i);
        long clicks = (long) Math.floor(exact) + (rng.nextDouble() < exact - Math.floor(exact) ? 1 : 0);
        long conversions = Sampling.binomial(rng, clicks, m.cvr(round, i));
        return new DailyStats(spend, clicks, conversions, orders(m, i, conversions, rng));
    }

    /** The sum of n order values, each LogNormal with mean m_i and log-sd orderSigma. */
    static double orders(Market m, int i, long n, RandomGenerator rng) {
        double sigma = m.scenario().orderSigma();
        double mu = Math.log(m.meanValue(i)) - sigma * sigma / 2;
        double sum = 0;
        for (long o = 0; o < n; o++) {
            sum += Sampling.logNormal(rng, mu, sigma);
        }
        return sum;
    }
}
