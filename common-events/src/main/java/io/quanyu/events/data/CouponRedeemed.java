package io.quanyu.events.data;

import io.quanyu.events.validation.Checks;
import io.quanyu.events.validation.Range;
import io.quanyu.events.validation.Required;
import io.quanyu.events.validation.Validatable;
import java.math.BigDecimal;

/** A coupon used on an order. */
public record CouponRedeemed(@Required String couponId, String orderId, @Range(min = "0", max = Money.MAX_AMOUNT_TEXT) BigDecimal discount, String currency)
        implements EventData, Validatable {
    @Override
    public void check(Checks checks) {
        Currency.check(checks, "currency", currency);
    }
}
