package io.quanyu.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Offer definitions: what each kind takes off, defaults, validity and budget, and the refusals. */
class OfferTest {

    static Offer offer(String kind, String value, String minSpend) {
        return new Offer("o1", "Offer", kind, value == null ? null : new BigDecimal(value), minSpend == null ? null : new BigDecimal(minSpend),
                null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void eachKindTakesOffWhatItSays() {
        BigDecimal order = new BigDecimal("80.00");
        assertThat(offer("percentage", "15", null).validated().discountOn(order)).isEqualByComparingTo("12.00");
        assertThat(offer("fixed_amount", "100", null).validated().discountOn(order)).isEqualByComparingTo("80.00");
        assertThat(offer("threshold", "20", "100").validated().discountOn(order)).isEqualByComparingTo("0");
        assertThat(offer("threshold", "20", "80").validated().discountOn(order)).isEqualByComparingTo("20");
        assertThat(offer("free_shipping", null, null).validated().discountOn(order)).isEqualByComparingTo("0");
    }

    @Test
    void defaultsAndNormalization() {
        Offer o = new Offer(" o1 ", null, "fixed_amount", new BigDecimal("5"), null, null, null, null, null, null, null, "P7D",
                List.of("shoes", "shoes "), null, List.of("Store", "web")).validated();
        assertThat(o.offerId()).isEqualTo("o1");
        assertThat(o.currency()).isEqualTo("CNY");
        assertThat(o.perCustomerLimit()).isEqualTo(1);
        assertThat(o.eligibleCategories()).containsExactly("shoes");
        assertThat(o.eligibleChannels()).containsExactly("store", "web");
        assertThat(o.redeemableOn("store")).isTrue();
        assertThat(o.redeemableOn("app")).isFalse();
        assertThat(o.codeExpiry(Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo(Instant.parse("2026-01-08T00:00:00Z"));
    }

    @Test
    void validityWindowAndBudget() {
        Offer o = new Offer("o", null, "fixed_amount", new BigDecimal("10"), null, "CNY", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"), new BigDecimal("25"), 5L, 2, "P60D", null, null, null).validated();
        assertThat(o.validAt(Instant.parse("2025-12-31T23:59:59Z"))).isFalse();
        assertThat(o.validAt(Instant.parse("2026-01-15T00:00:00Z"))).isTrue();
        assertThat(o.validAt(Instant.parse("2026-02-01T00:00:01Z"))).isFalse();
        // The code's own 60 days are cut at the offer's end.
        assertThat(o.codeExpiry(Instant.parse("2026-01-15T00:00:00Z"))).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(o.fits(new BigDecimal("10"), 1, new BigDecimal("10"))).isTrue();
        assertThat(o.fits(new BigDecimal("20"), 2, new BigDecimal("10"))).isFalse();
        assertThat(o.fits(BigDecimal.ZERO, 5, BigDecimal.ONE)).isFalse();
    }

    @Test
    void refusesWhatCannotBeAnOffer() {
        assertThatThrownBy(() -> offer("bogo", "1", null).validated()).isInstanceOf(Invalid.class).hasMessageContaining("kind");
        assertThatThrownBy(() -> offer("percentage", "120", null).validated()).hasMessageContaining("(0, 100]");
        assertThatThrownBy(() -> offer("threshold", "20", null).validated()).hasMessageContaining("min_spend");
        assertThatThrownBy(() -> offer("threshold", "50", "20").validated()).hasMessageContaining("at least its value");
        assertThatThrownBy(() -> offer("fixed_amount", "-1", null).validated()).hasMessageContaining("value");
        assertThatThrownBy(() -> offer("fixed_amount", "1.005", null).validated()).hasMessageContaining("2 decimals");
        assertThatThrownBy(() -> new Offer("a/b", null, "free_shipping", null, null, null, null, null, null, null, null, null, null, null, null)
                .validated()).hasMessageContaining("offer_id");
        assertThatThrownBy(() -> new Offer("o", null, "free_shipping", null, null, null, Instant.parse("2026-02-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"), null, null, null, null, null, null, null).validated()).hasMessageContaining("valid_to");
        assertThatThrownBy(() -> new Offer("o", null, "free_shipping", null, null, null, null, null, null, null, null, "7 days", null, null, null)
                .validated()).hasMessageContaining("code_valid_for");
        assertThatThrownBy(() -> new Offer("o", null, "free_shipping", null, null, null, null, null, null, null, null, null, null, null,
                List.of("fax")).validated()).hasMessageContaining("eligible_channels");
    }
}
