package io.quanyu.events.data;

import io.quanyu.events.validation.Checks;
import io.quanyu.events.validation.Range;
import io.quanyu.events.validation.Required;
import io.quanyu.events.validation.Validatable;

/**
 * An ad impression, click or cost report ({@code ad_impression}, {@code ad_click}, {@code ad_cost});
 * {@code costMicros} is in millionths of the currency unit.
 */
public record AdEvent(@Required String platform, @Required String campaignId, @Required String adId,
                      String clickId, @Range(min = "0", max = Money.MAX_COST_MICROS_TEXT) Long costMicros, String currency) implements EventData, Validatable {
    @Override
    public void check(Checks checks) {
        Currency.check(checks, "currency", currency);
    }
}
