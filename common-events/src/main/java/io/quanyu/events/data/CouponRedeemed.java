package io.quanyu.events.data;

import io.quanyu.events.validation.Checks;
import io.quanyu.events.validation.Range;
import io.quanyu.events.validation.Required;
import io.quanyu.events.validation.Validatable;
import java.math.BigDecimal;

/**
 * A coupon used on an order. {@code verified} is true only when the shop's back end or POS reported it (ingestion
 * stamps it from the source, as for {@link Identify}): a redemption a customer's device reports is not money spent.
 */
public record CouponRedeemed(@Required String couponId, String orderId, @Range(min = "0", max = Money.MAX_AMOUNT_TEXT) BigDecimal discount, String currency,
                             Boolean verified) implements EventData, Validatable {

    /** A redemption as a client-side source reports it. */
    public CouponRedeemed(String couponId, String orderId, BigDecimal discount, String currency) {
        this(couponId, orderId, discount, currency, null);
    }

    @Override
    public void check(Checks checks) {
        Currency.check(checks, "currency", currency);
    }

    /** Whether a trusted source sent it. */
    public boolean fromTrustedSource() {
        return Boolean.TRUE.equals(verified);
    }

    /** The same redemption as asserted (or not) by a trusted source. */
    public CouponRedeemed withVerified(boolean trusted) {
        return new CouponRedeemed(couponId, orderId, discount, currency, trusted ? Boolean.TRUE : null);
    }
}
