package io.quanyu.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventType;
import io.quanyu.events.Json;
import io.quanyu.events.data.IdKind;
import io.quanyu.events.data.Identify;
import io.quanyu.events.data.LinkedId;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.ProductView;
import io.quanyu.events.data.Purchase;
import io.quanyu.events.data.Review;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import io.quanyu.events.data.SocialInteraction;
import org.junit.jupiter.api.Test;

class PortraitDomainTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Duration HALF = Duration.ofDays(30);
    private final PortraitUpdater updater = new PortraitUpdater(HALF,
            Map.of("sku-1", new PortraitUpdater.ProductInfo("tea", "Lion Peak"))::get);

    private static CloudEvent event(String id, Channel ch, EventType type, String subject, Instant t, Object data) {
        return CloudEvent.of(id, ch, type, t, subject, t, null, (io.quanyu.events.data.EventData) data);
    }

    @Test
    void identifyLinksEveryIdAsTheSubjectsOfThatPersonsEvents() {
        CloudEvent login = event("1", Channel.APP, EventType.IDENTIFY, "u:42", T0, new Identify("42", List.of(
                new LinkedId(IdKind.DEVICE_ID, "d-1"), new LinkedId(IdKind.MEMBER_CARD, "M7"), new LinkedId(IdKind.PHONE_HASH, "ab"),
                new LinkedId(IdKind.UNIONID, "un")), Map.of()));
        assertThat(IdentityKeys.keysOf(login)).containsExactly("u:42", "a:d-1", "a:card:M7", "a:phone:ab", "a:union:un");
    }

    @Test
    void aLikeAndAShareOfAProductAreInterestsAndOtherContentIsNot() {
        Portrait p = new Portrait("u:42");
        updater.apply(p, event("l", Channel.MINIPROGRAM, EventType.SOCIAL_LIKE, "u:42", T0, new SocialInteraction("sku-1", null, "wechat")));
        assertThat(p.categories.get("tea").valueAt(T0, HALF)).isEqualTo(4.0);
        updater.apply(p, event("s", Channel.MINIPROGRAM, EventType.SOCIAL_SHARE, "u:42", T0, new SocialInteraction("sku-1", null, "wechat")));
        assertThat(p.categories.get("tea").valueAt(T0, HALF)).isEqualTo(7.0);
        assertThat(p.brands).containsKey("Lion Peak");
        updater.apply(p, event("a", Channel.MINIPROGRAM, EventType.SOCIAL_SHARE, "u:42", T0, new SocialInteraction(null, "live-3", "douyin")));
        assertThat(p.categories).containsOnlyKeys("tea");
        assertThat(p.events).isEqualTo(3);
    }

    @Test
    void theCustomerNameIsTheBestKeyWhateverTheOrderOfDiscovery() {
        List<String> keys = new ArrayList<>(List.of("a:zz", "a:card:M7", "u:42", "u:7", "a:anon"));
        Random random = new Random(1);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(keys, random);
            assertThat(IdentityKeys.best(keys)).isEqualTo("u:42");
        }
        assertThat(IdentityKeys.best(Set.of("a:zz", "a:card:M7"))).isEqualTo("a:card:M7");
    }

    @Test
    void interestsDecayByHalfLifeAndLateSignalsSumAsIfInOrder() {
        Decayed d = new Decayed(4, T0);
        assertThat(d.valueAt(T0.plus(HALF), HALF)).isCloseTo(2, org.assertj.core.data.Offset.offset(1e-9));
        Decayed inOrder = new Decayed(1, T0).plus(1, T0.plus(Duration.ofDays(10)), HALF);
        Decayed reversed = new Decayed(1, T0.plus(Duration.ofDays(10))).plus(1, T0, HALF);
        assertThat(reversed.valueAt(T0.plus(Duration.ofDays(40)), HALF))
                .isCloseTo(inOrder.valueAt(T0.plus(Duration.ofDays(40)), HALF), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void eventsBuildCountersMoneyInterestsTraitsAndSentiment() {
        Portrait p = new Portrait("u:42");
        updater.apply(p, event("1", Channel.APP, EventType.IDENTIFY, "u:42", T0, new Identify("42", List.of(),
                Map.of("age", "31", "gender", "F", "zip", "94110"))));
        updater.apply(p, event("2", Channel.WEB, EventType.PRODUCT_VIEW, "u:42", T0.plusSeconds(60), new ProductView("sku-1", null, null)));
        updater.apply(p, event("3", Channel.STORE, EventType.PURCHASE, "u:42", T0.plusSeconds(120),
                new Purchase("o1", List.of(new OrderLine("sku-1", 2, new BigDecimal("10.00"))), new BigDecimal("20.00"), "CNY", "s1")));
        updater.apply(p, event("4", Channel.APP, EventType.REVIEW, "u:42", T0.plusSeconds(180), new Review("sku-1", 5, "好喝", null)));
        assertThat(p.channels).containsEntry("app", 2L).containsEntry("web", 1L).containsEntry("store", 1L);
        assertThat(p.preferredChannel()).isEqualTo("app");
        assertThat(p.monetary).isEqualByComparingTo("20.00");
        assertThat(p.traits).containsEntry("age_group", "25-34").containsEntry("region", "US Pacific");
        assertThat(p.categories.get("tea").score()).isGreaterThan(8);
        assertThat(p.brands).containsKey("Lion Peak");
        assertThat(p.sentiment()).isEqualTo(1.0);
    }

    @Test
    void absorbingAnotherPortraitKeepsEveryCount() {
        Portrait a = new Portrait("u:1");
        Portrait b = new Portrait("a:x");
        updater.apply(a, event("1", Channel.WEB, EventType.PRODUCT_VIEW, "u:1", T0, new ProductView("sku-1", null, null)));
        updater.apply(b, event("2", Channel.STORE, EventType.PURCHASE, "a:x", T0.minusSeconds(60),
                new Purchase("o", List.of(new OrderLine("sku-9", 1, BigDecimal.TEN)), BigDecimal.TEN, "CNY", "s")));
        a.absorb(b, HALF);
        assertThat(a.events).isEqualTo(2);
        assertThat(a.firstSeen).isEqualTo(T0.minusSeconds(60));
        assertThat(a.channels).containsOnlyKeys("web", "store");
        assertThat(a.purchases).isEqualTo(1);
    }

    @Test
    void rfmScoresAreQuintilesOfTheBuyers() {
        List<Portrait> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Portrait p = new Portrait("u:" + i);
            p.purchases = i + 1;
            p.monetary = BigDecimal.valueOf(10L * (i + 1));
            p.lastPurchaseAt = T0.minus(Duration.ofDays(10 - i));
            all.add(p);
        }
        RfmScorer rfm = RfmScorer.fit(all, T0);
        assertThat(rfm.score(all.get(9), T0)).satisfies(s -> {
            assertThat(s.r()).isEqualTo(5);
            assertThat(s.f()).isEqualTo(5);
            assertThat(s.label()).isEqualTo("champion");
        });
        assertThat(rfm.score(all.get(0), T0).r()).isEqualTo(1);
        assertThat(rfm.score(new Portrait("a:none"), T0).label()).isEqualTo("prospect");
    }

    @Test
    void segmentRulesEvaluateAndInvalidOnesAreExplained() throws Exception {
        var portrait = Json.MAPPER.readTree("""
                {"channels":{"store":2,"web":1},"rfm":{"r":5},"traits":{"gender":"F"},"lifecycle":"active"}""");
        SegmentRule rule = SegmentRule.parse(Json.MAPPER.readTree("""
                {"all":[{"field":"channels.store","op":">=","value":1},{"field":"traits.gender","op":"in","value":["F","f"]},
                        {"not":{"field":"lifecycle","op":"=","value":"lost"}}]}"""));
        assertThat(rule.matches(portrait)).isTrue();
        assertThat(SegmentRule.parse(Json.MAPPER.readTree("{\"field\":\"channels.app\",\"op\":\"exists\"}")).matches(portrait)).isFalse();
        assertThatThrownBy(() -> SegmentRule.parse(Json.MAPPER.readTree("{\"all\":[{\"field\":\"x\",\"op\":\"~\"},{\"op\":\">\",\"value\":1}]}")))
                .hasMessageContaining("$.all[0].op: must be one of").hasMessageContaining("$.all[1].field: is required");
    }
}
