package io.quanyu.ads.domain.performance;

import java.util.Map;

/**
 * Summed counters and their ratios for one key of a breakdown.
 *
 * @param key the value of each requested grain, in the order requested (e.g. {CAMPAIGN=c1, DAY=2025-03-01})
 */
public record PerformanceSummary(Map<Grain, String> key, Counters counters, Metrics metrics) {
}
