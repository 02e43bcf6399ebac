package io.quanyu.events.data;

import io.quanyu.events.validation.Checks;
import io.quanyu.events.validation.Required;
import io.quanyu.events.validation.Validatable;

/**
 * An ad impression, click or cost report ({@code ad_impression}, {@code ad_click}, {@code ad_cost});
 * {@code costMicros} is in millionths of the currency unit.
 */
public record AdEvent(@Required String platform, @Required String campaignId, @Required String adId,
                      String clickId, Long costMicros, String currency) implements EventData, Validatable {
    @Override
    public void check(Checks checks) {
        checks.nonNegative("cost_micros", costMicros);
        Currency.check(checks, "currency", currency);
    }
}
