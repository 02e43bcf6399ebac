package io.quanyu.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Codes: the configured length, unambiguous characters only, no repeats in a large draw. */
class CodeGeneratorTest {

    @Test
    void codesAreUnambiguousAndDistinct() {
        CodeGenerator g = new CodeGenerator(new SecureRandom(), 12);
        Set<String> seen = new HashSet<>();
        int[] perPosition = new int[CodeGenerator.ALPHABET.length()];
        for (int i = 0; i < 100_000; i++) {
            String code = g.next();
            assertThat(code).hasSize(12).matches("[0-9A-HJKMNP-TV-Z]{12}");
            seen.add(code);
            perPosition[CodeGenerator.ALPHABET.indexOf(code.charAt(0))]++;
        }
        assertThat(seen).hasSize(100_000);
        // Uniform first character: 3,125 expected each (sd about 55).
        for (int count : perPosition) {
            assertThat(count).isBetween(2_850, 3_400);
        }
    }

    @Test
    void refusesShortCodes() {
        assertThatThrownBy(() -> new CodeGenerator(new SecureRandom(), 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
