package io.quanyu.console.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CustomerKeyTest {

    private static final String SECRET = "a-secret-of-enough-length";

    @Test
    void idsPassAndCardsGetTheirPrefix() {
        assertThat(CustomerKey.lookup(CustomerKey.Kind.ID, " ml-13 ", null)).isEqualTo("ml-13");
        assertThat(CustomerKey.lookup(CustomerKey.Kind.CARD, "M7", null)).isEqualTo("a:card:M7");
        assertThat(CustomerKey.lookup(CustomerKey.Kind.CARD, "a:card:M7", null)).isEqualTo("a:card:M7");
    }

    @Test
    void aPhoneIsHashedAndItsFormatsAgree() {
        String plain = CustomerKey.lookup(CustomerKey.Kind.PHONE, "13800138000", SECRET);
        assertThat(plain).startsWith("a:phone:").hasSize("a:phone:".length() + 64).doesNotContain("13800138000");
        assertThat(CustomerKey.lookup(CustomerKey.Kind.PHONE, "+86 138-0013-8000", SECRET)).isEqualTo(plain);
        assertThat(CustomerKey.lookup(CustomerKey.Kind.PHONE, "0086 13800138000", SECRET)).isEqualTo(plain);
        assertThat(CustomerKey.lookup(CustomerKey.Kind.PHONE, "13800138001", SECRET)).isNotEqualTo(plain);
        assertThat(CustomerKey.lookup(CustomerKey.Kind.PHONE, "13800138000", SECRET + "x")).isNotEqualTo(plain);
    }

    @Test
    void noSecretNoPhoneSearch() {
        assertThatThrownBy(() -> CustomerKey.lookup(CustomerKey.Kind.PHONE, "13800138000", null)).hasMessageContaining("QUANYU_PII_SECRET");
    }
}
