package io.quanyu.engagement.api;

import io.quanyu.engagement.domain.Offer;
import io.quanyu.engagement.store.Grants;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A code a customer can use now, with what it gives and where: what a frontend or the chatbot shows. */
public record LiveOffer(String code, String offerId, String name, String kind, BigDecimal value, BigDecimal minSpend, String currency,
                        Instant expiresAt, List<String> eligibleCategories, List<String> eligibleSkus, List<String> eligibleChannels) {

    static LiveOffer of(Grants.Live l) {
        Offer o = l.offer();
        return new LiveOffer(l.code(), o.offerId(), o.name(), o.kind(), o.value(), o.minSpend(), o.currency(), l.expiresAt(),
                o.eligibleCategories(), o.eligibleSkus(), o.eligibleChannels());
    }
}
