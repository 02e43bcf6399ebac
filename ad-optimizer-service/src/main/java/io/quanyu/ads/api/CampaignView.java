package io.quanyu.ads.api;

import io.quanyu.ads.domain.Ad;
import io.quanyu.ads.domain.Campaign;
import io.quanyu.ads.domain.Micros;
import io.quanyu.ads.store.CampaignStore;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registered campaign as the API shows it. */
@Schema(description = "A registered campaign; money in units of the reporting currency")
public record CampaignView(String campaignId, String name, List<String> channels, BigDecimal dailyBudget, BigDecimal minDailySpend,
                           BigDecimal maxDailySpend, @Schema(description = "Sorted") List<String> targetSegments, boolean active, List<Ad> ads,
                           @Schema(description = "The reporting currency") String currency) {

    static CampaignView of(CampaignStore.Registered r, String currency) {
        Campaign c = r.campaign();
        return new CampaignView(c.campaignId(), c.name(), c.channels(), money(r.dailyBudgetMicros()), money(c.minDailySpendMicros()),
                money(c.maxDailySpendMicros()), c.targetSegments().stream().sorted().toList(), c.active(), c.ads(), currency);
    }

    /** Micros as currency units without trailing zeros beyond the cents. */
    static BigDecimal money(long micros) {
        BigDecimal v = Micros.toDecimal(micros).stripTrailingZeros();
        return v.scale() < 2 ? v.setScale(2) : v;
    }
}
