package io.quanyu.ads.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CampaignTest {

    @Test
    void validCampaignKeepsItsFieldsAndDefaultsItsName() {
        Campaign c = new Campaign("c1", null, List.of("search"), 0, 5_000_000L, Set.of("vip"),
                List.of(new Ad("a1", null, "banner.png")), true);
        assertThat(c.name()).isEqualTo("c1");
        assertThat(c.ads().getFirst().name()).isEqualTo("a1");
        assertThat(c.targetSegments()).containsExactly("vip");
    }

    @Test
    void rejectsInconsistentCampaignsWithATypedError() {
        assertThatThrownBy(() -> new Campaign("c1", "x", List.of(), 0, 1, null, null, true))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("channel")
                .extracting(e -> ((InvalidRequestException) e).code()).isEqualTo("invalid_campaign");
        assertThatThrownBy(() -> new Campaign("c1", "x", List.of("s"), 10, 5, null, null, true))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("minDailySpend");
        assertThatThrownBy(() -> new Campaign("c1", "x", List.of("s"), 0, 5, null,
                List.of(new Ad("a", null, null), new Ad("a", null, null)), true))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> new Campaign(" ", "x", List.of("s"), 0, 5, null, null, true))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void microsConvertExactly() {
        assertThat(Micros.of(new BigDecimal("12.345678"))).isEqualTo(12_345_678L);
        assertThat(Micros.toDecimal(12_345_678L)).isEqualByComparingTo("12.345678");
        assertThat(Micros.toUnits(2_500_000L)).isEqualTo(2.5);
        assertThat(Micros.fromUnits(0.1)).isEqualTo(100_000L);
    }
}
