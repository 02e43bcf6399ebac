package io.quanyu.engagement.api;

import io.quanyu.engagement.domain.Offer;
import io.quanyu.engagement.store.Definitions;
import java.math.BigDecimal;

/** An offer with its state and what it has given: the back office's view. */
public record OfferView(Offer offer, boolean active, long granted, long redemptions, BigDecimal spent, BigDecimal budgetLeft) {

    static OfferView of(Definitions.StoredOffer s) {
        BigDecimal left = s.offer().budget() == null ? null : s.offer().budget().subtract(s.spent()).max(BigDecimal.ZERO);
        return new OfferView(s.offer(), s.active(), s.granted(), s.redemptions(), s.spent(), left);
    }
}
