package io.quanyu.ads.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A budget decision as answered (and stored, and published on ads.decisions.v1). */
@Schema(description = "A budget decision; spends are rounded to cents and add up to what was allocated")
public record AllocationAnswer(String decisionId, @Schema(description = "thompson, optimizer, uniform or roi_above_mean") String policy,
                               @Schema(description = "Attribution model of the history") String model, BigDecimal totalBudget, String currency,
                               List<Line> allocations,
                               @Schema(description = "Optimizer: expected revenue of the optimized campaigns (profit when it may underspend)") Double expectedReturn,
                               @Schema(description = "Optimizer: the same for their current spends") Double currentExpectedReturn,
                               @Schema(description = "Optimizer: expected_return - current_expected_return") Double expectedLift,
                               @Schema(description = "Optimizer: true when the current spends were kept because nothing beat them") Boolean keptCurrent,
                               @Schema(description = "Why, in one sentence") String summary,
                               @Schema(description = "What to be careful about: thin data, paused campaigns, unallocated budget") List<String> warnings,
                               Instant decidedAt) {

    /** One campaign's daily spend. */
    @Schema(description = "One campaign's daily spend and the reason")
    public record Line(String campaignId, BigDecimal spend, String reason) {
    }
}
