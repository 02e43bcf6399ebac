package io.quanyu.engagement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A coupon or promotion as an admin defines it (also its JSON in the API and the database). {@link #validated()} checks
 * it and returns it normalized; the other methods assume a validated offer.
 *
 * @param offerId            unique id
 * @param name               shown to customers
 * @param kind               {@code percentage}, {@code fixed_amount}, {@code threshold} or {@code free_shipping}
 * @param value              percent (0–100] for percentage, the amount off for fixed_amount and threshold; unused for free_shipping
 * @param minSpend           the order amount from which a threshold offer applies
 * @param currency           currency of value, min_spend and budget
 * @param validFrom          first instant it can be granted or redeemed (null: at once)
 * @param validTo            last instant (null: open)
 * @param budget             total discount it may give across redemptions (null: unlimited)
 * @param maxRedemptions     total redemptions (null: unlimited)
 * @param perCustomerLimit   redemptions per customer (default 1)
 * @param codeValidFor       how long a granted code stays valid, ISO-8601 (e.g. P7D; null: until valid_to)
 * @param eligibleCategories categories it applies to (empty: all); the channel applies it to eligible lines
 * @param eligibleSkus       SKUs it applies to (empty: all)
 * @param eligibleChannels   channels where it can be redeemed (empty: all)
 */
public record Offer(String offerId, String name, String kind, BigDecimal value, BigDecimal minSpend, String currency, Instant validFrom,
                    Instant validTo, BigDecimal budget, Long maxRedemptions, Integer perCustomerLimit, String codeValidFor,
                    List<String> eligibleCategories, List<String> eligibleSkus, List<String> eligibleChannels) {

    /** Money above this is refused (far beyond any coupon, inside numeric(16,2)). */
    public static final BigDecimal MAX_MONEY = new BigDecimal("100000000");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The offer checked and normalized (defaults filled in); throws {@link Invalid} with the reason. */
    public Offer validated() {
        String id = Text.id("offer_id", offerId);
        Text.name("name", name, 200);
        OfferKind k = OfferKind.parse(kind);
        BigDecimal v = value;
        BigDecimal min = minSpend;
        switch (k) {
            case PERCENTAGE -> {
                if (v == null || v.signum() <= 0 || v.compareTo(HUNDRED) > 0) {
                    throw new Invalid("a percentage offer needs value in (0, 100]");
                }
            }
            case FIXED_AMOUNT, THRESHOLD -> {
                money("value", v, true);
                if (v.signum() == 0) {
                    throw new Invalid("value must be above 0");
                }
                if (k == OfferKind.THRESHOLD) {
                    money("min_spend", min, true);
                    if (min.compareTo(v) < 0) {
                        throw new Invalid("a threshold offer's min_spend must be at least its value");
                    }
                }
            }
            case FREE_SHIPPING -> v = null;
        }
        if (k != OfferKind.THRESHOLD && min != null) {
            money("min_spend", min, true);
        }
        money("budget", budget, false);
        if (validFrom != null && validTo != null && !validTo.isAfter(validFrom)) {
            throw new Invalid("valid_to must be after valid_from");
        }
        if (maxRedemptions != null && maxRedemptions < 1) {
            throw new Invalid("max_redemptions must be at least 1");
        }
        int perCustomer = perCustomerLimit == null ? 1 : perCustomerLimit;
        if (perCustomer < 1 || perCustomer > 1000) {
            throw new Invalid("per_customer_limit must be from 1 to 1000");
        }
        if (codeValidFor != null) {
            Duration d;
            try {
                d = Duration.parse(codeValidFor);
            } catch (DateTimeParseException e) {
                throw new Invalid("code_valid_for must be an ISO-8601 duration such as P7D, was '" + Text.shorten(codeValidFor) + "'");
            }
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(3660)) > 0) {
                throw new Invalid("code_valid_for must be above zero and at most ten years");
            }
        }
        String cur = currency == null ? "CNY" : currency.trim();
        if (!cur.matches("[A-Z]{3}")) {
            throw new Invalid("currency must be an ISO 4217 code such as CNY");
        }
        return new Offer(id, name, k.wire(), v, min, cur, validFrom, validTo, budget, maxRedemptions, perCustomer, codeValidFor,
                Text.words("eligible_categories", eligibleCategories, 128, 500), Text.words("eligible_skus", eligibleSkus, 128, 5000),
                Text.channels("eligible_channels", eligibleChannels));
    }

    private static void money(String field, BigDecimal v, boolean required) {
        if (v == null) {
            if (required) {
                throw new Invalid(field + " is required for this kind");
            }
            return;
        }
        if (v.signum() < 0 || v.compareTo(MAX_MONEY) > 0 || v.scale() > 2) {
            throw new Invalid(field + " must be from 0 to " + MAX_MONEY.toPlainString() + " with at most 2 decimals, was " + v.toPlainString());
        }
    }

    public OfferKind offerKind() {
        return OfferKind.parse(kind);
    }

    /** Whether it can be granted or redeemed at {@code at}. */
    public boolean validAt(Instant at) {
        return (validFrom == null || !at.isBefore(validFrom)) && (validTo == null || !at.isAfter(validTo));
    }

    /** Whether it can be redeemed on the channel. */
    public boolean redeemableOn(String channel) {
        return eligibleChannels.isEmpty() || eligibleChannels.contains(channel);
    }

    /** When a code granted at {@code grantedAt} stops being valid: its own validity or the offer's end, whichever is first. */
    public Instant codeExpiry(Instant grantedAt) {
        Instant own = codeValidFor == null ? null : grantedAt.plus(Duration.parse(codeValidFor));
        if (own == null) {
            return validTo;
        }
        return validTo == null || own.isBefore(validTo) ? own : validTo;
    }

    /** The discount on an eligible amount (goods only; free shipping takes nothing off the goods). */
    public BigDecimal discountOn(BigDecimal amount) {
        return switch (offerKind()) {
            case PERCENTAGE -> amount.multiply(value).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            case FIXED_AMOUNT -> value.min(amount);
            case THRESHOLD -> amount.compareTo(minSpend) >= 0 ? value.min(amount) : BigDecimal.ZERO;
            case FREE_SHIPPING -> BigDecimal.ZERO;
        };
    }

    /** Whether a further discount of {@code discount} fits what is left of the budget and the redemption count. */
    public boolean fits(BigDecimal spent, long redemptions, BigDecimal discount) {
        return (budget == null || spent.add(discount).compareTo(budget) <= 0) && (maxRedemptions == null || redemptions < maxRedemptions);
    }
}
