package io.quanyu.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A portrait stays within its bounds whatever its channels send, keeping what matters most. */
class PortraitLimitsTest {

    private static final Duration HALF_LIFE = Duration.ofDays(30);
    private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void traitsAreBoundedInNumberNameAndValue() {
        Map<String, String> traits = new TreeMap<>();
        for (int i = 0; i < 1000; i++) {
            PortraitLimits.putTrait(traits, "t" + i, "v");
        }
        assertThat(traits).hasSize(PortraitLimits.MAX_TRAITS);
        // A known trait still updates when the portrait is full.
        assertThat(PortraitLimits.putTrait(traits, "t0", "new")).isTrue();
        assertThat(traits.get("t0")).isEqualTo("new");
        assertThat(PortraitLimits.putTrait(traits, "x".repeat(65), "v")).isFalse();
        traits.clear();
        PortraitLimits.putTrait(traits, "bio", "y".repeat(10_000));
        assertThat(traits.get("bio")).hasSize(PortraitLimits.MAX_TRAIT_VALUE);
        // Cutting never splits a surrogate pair.
        PortraitLimits.putTrait(traits, "emoji", "a".repeat(PortraitLimits.MAX_TRAIT_VALUE - 1) + "😀😀");
        assertThat(traits.get("emoji")).hasSize(PortraitLimits.MAX_TRAIT_VALUE - 1);
    }

    @Test
    void interestsKeepTheStrongestTags() {
        Map<String, Decayed> tags = new TreeMap<>();
        PortraitLimits.addInterest(tags, "tea", 50, T, HALF_LIFE);
        for (int i = 0; i < 5000; i++) {
            PortraitLimits.addInterest(tags, "junk-" + i, 1 + (i % 7), T, HALF_LIFE);
        }
        assertThat(tags).hasSize(PortraitLimits.MAX_INTERESTS).containsKey("tea");
        double weakestKept = tags.values().stream().mapToDouble(d -> d.valueAt(T, HALF_LIFE)).min().orElseThrow();
        assertThat(weakestKept).isGreaterThanOrEqualTo(6.0);
        PortraitLimits.addInterest(tags, "z".repeat(200), 1000, T, HALF_LIFE);
        assertThat(tags).doesNotContainKey("z".repeat(200));
    }

    @Test
    void aMergeOfTwoFullPortraitsIsTrimmed() {
        Portrait a = new Portrait("u:a");
        Portrait b = new Portrait("u:b");
        IntStream.range(0, PortraitLimits.MAX_TRAITS).forEach(i -> {
            a.traits.put("a" + i, "1");
            b.traits.put("b" + i, "1");
        });
        IntStream.range(0, PortraitLimits.MAX_INTERESTS).forEach(i -> {
            a.categories.put("a" + i, new Decayed(2, T));
            b.categories.put("b" + i, new Decayed(1, T));
        });
        a.lastSeen = T;
        a.absorb(b, HALF_LIFE);
        assertThat(a.traits).hasSize(PortraitLimits.MAX_TRAITS);
        assertThat(a.categories).hasSize(PortraitLimits.MAX_INTERESTS).allSatisfy((k, v) -> assertThat(k).startsWith("a"));
    }

    @Test
    void aPublishedPortraitListsAtMostItsBoundOfKeys() {
        List<String> keys = new ArrayList<>();
        IntStream.range(0, 5000).forEach(i -> keys.add("a:" + i));
        assertThat(PortraitLimits.viewKeys(keys)).hasSize(PortraitLimits.MAX_VIEW_KEYS).startsWith("a:0");
        assertThat(PortraitLimits.viewKeys(List.of("u:1"))).containsExactly("u:1");
    }
}
