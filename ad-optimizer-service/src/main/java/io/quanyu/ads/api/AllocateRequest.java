package io.quanyu.ads.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request for a daily budget split. */
@Schema(description = "A daily budget to split across campaigns; money in units of the reporting currency")
public record AllocateRequest(
        @Schema(description = "The budget per day to split", required = true) BigDecimal totalBudget,
        @Schema(description = "thompson, optimizer, uniform or roi_above_mean", required = true) String policy,
        @Schema(description = "Registered campaign ids to split it across (default: every active registered campaign)") List<String> campaigns,
        @Schema(description = "Spend per day in force per campaign id (optimizer; default: each campaign's mean daily spend over the last days)")
        Map<String, BigDecimal> current,
        @Schema(description = "Optimizer trust region: each campaign within current × (1 ± max_change) (default 0.5)") Double maxChange,
        @Schema(description = "Attribution model the history is read under: last_touch (default) or linear") String model,
        @Schema(description = "Optimizer: may spend less than the total where another unit returns less than a unit (default false)") Boolean mayUnderspend) {
}
