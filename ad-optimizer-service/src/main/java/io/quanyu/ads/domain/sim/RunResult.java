package io.quanyu.ads.domain.sim;

/**
 * One policy's run on one seed.
 *
 * @param cumulativeRegret  Σ over rounds of (oracle's expected revenue − the policy's expected revenue), both under
 *                          the true rates; expected rather than realized revenue so luck does not count
 * @param revenue           realized revenue summed over rounds
 * @param expectedRevenue   the policy's expected revenue summed over rounds
 * @param oracleRevenue     the oracle's expected revenue summed over rounds
 * @param regretByRound     cumulative regret after each round
 */
public record RunResult(String policy, long seed, double cumulativeRegret, double revenue, double expectedRevenue,
                        double oracleRevenue, double[] regretByRound) {
}
