package io.quanyu.ads.domain.sim;

import java.util.Locale;

/**
 * A simulated ad market with known ground truth, stated in full so benchmark figures can be reproduced and judged.
 * Each campaign i has a true conversion rate cvr_i ~ Beta(cvrAlpha, cvrBeta), a mean order value
 * m_i ~ LogNormal(valueMu, valueSigma) (orders then vary around m_i as LogNormal with log-sd orderSigma and mean m_i)
 * and a cost per click cpc_i ~ Uniform(cpcLow, cpcHigh). Each round spends {@code dailyBudget} in full, every campaign
 * between {@code minShare} and {@code maxShare} of it. With {@code driftRound > 0} every cvr_i is redrawn
 * independently from the same Beta at that round.
 */
public record SimScenario(String name, int campaigns, int rounds, double dailyBudget, double minShare,
                          double maxShare, double cvrAlpha, double cvrBeta, double valueMu, double valueSigma,
                          double orderSigma, double cpcLow, double cpcHigh, int driftRound) {

    public SimScenario {
        if (campaigns < 1 || rounds < 1 || !(dailyBudget > 0) || minShare < 0 || maxShare < minShare
                || minShare * campaigns > 1 || maxShare * campaigns < 1 || !(cpcLow > 0) || cpcHigh < cpcLow) {
            throw new IllegalArgumentException("inconsistent scenario " + name);
        }
    }

    /** The stationary market: budget 1000 a round, shares in [1%, 30%], cvr ~ Beta(2, 60), m ~ LogNormal(ln 60, 0.4). */
    public static SimScenario stationary(int campaigns, int rounds) {
        return new SimScenario("stationary", campaigns, rounds, 1000, 0.01, 0.3, 2, 60, Math.log(60), 0.4, 0.6, 0.5,
                1.5, 0);
    }

    /** The same market whose conversion rates are all redrawn halfway through. */
    public static SimScenario drift(int campaigns, int rounds) {
        SimScenario s = stationary(campaigns, rounds);
        return new SimScenario("drift", campaigns, rounds, s.dailyBudget, s.minShare, s.maxShare, s.cvrAlpha, s.cvrBeta,
                s.valueMu, s.valueSigma, s.orderSigma, s.cpcLow, s.cpcHigh, Math.max(1, rounds / 2));
    }

    /** The protocol in words, printed with every figure. */
    public String describe() {
        return String.format(Locale.ROOT, "%s: %d campaigns, %d rounds, budget %.0f per round spent in full, each campaign "
                        + "between %.0f%% and %.0f%% of it; true cvr ~ Beta(%.0f, %.0f) (mean %.2f%%), mean order value "
                        + "~ LogNormal(ln %.0f, %.1f), order values LogNormal around it with log-sd %.1f, cpc ~ U(%.2f, %.2f); "
                        + "clicks = spend / cpc (fraction rounded at random), conversions ~ Binomial(clicks, cvr)%s",
                name, campaigns, rounds, dailyBudget, 100 * minShare, 100 * maxShare, cvrAlpha, cvrBeta,
                100 * cvrAlpha / (cvrAlpha + cvrBeta), Math.exp(valueMu), valueSigma, orderSigma, cpcLow, cpcHigh,
                driftRound > 0 ? String.format(Locale.ROOT, "; at round %d every cvr is redrawn from the same Beta",
                        driftRound) : "; no drift");
    }
}
