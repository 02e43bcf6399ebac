package io.quanyu.ingestion.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventIds;
import io.quanyu.events.Channel;
import io.quanyu.events.Json;
import io.quanyu.events.ReasonCode;
import io.quanyu.events.data.IdKind;
import io.quanyu.events.data.Identify;
import io.quanyu.events.data.LinkedId;
import io.quanyu.events.data.ProductView;
import io.quanyu.events.data.Purchase;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import io.quanyu.events.data.MessageFeedback;
import io.quanyu.events.data.SocialInteraction;
import org.junit.jupiter.api.Test;

class ChannelAdaptersTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-11T16:00:00Z");
    private final AdapterContext ctx = new AdapterContext(RECEIVED, ZoneId.of("Asia/Shanghai"),
            Map.of("chi-01", ZoneId.of("America/Chicago"))::get);

    private static ObjectNode json(String s) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(s);
    }

    private static CloudEvent only(List<Outcome> outcomes) {
        assertThat(outcomes).hasSize(1);
        return ((Outcome.Event) outcomes.getFirst()).event();
    }

    @Test
    void webProductViewWithStableIdAndAnonymousKey() throws Exception {
        CloudEvent e = only(new WebAdapter().adapt(json("""
                {"message_id":"w-1","anonymous_id":"anon-9","event":"product_view","ts":1762866000000,
                 "product_id":"sku-1","properties":{"price":12.5,"category":"tea","session_id":"s-3"}}"""), ctx));
        assertThat(e.type()).isEqualTo("product_view");
        assertThat(e.subject()).isEqualTo("a:anon-9");
        assertThat(e.id()).isEqualTo(EventIds.of(Channel.WEB, "w-1"));
        assertThat(e.time()).isEqualTo(Instant.ofEpochMilli(1762866000000L));
        assertThat(e.sessionId()).isEqualTo("s-3");
        assertThat(e.data(ProductView.class)).isEqualTo(new ProductView("sku-1", "tea", new java.math.BigDecimal("12.5")));
    }

    @Test
    void webLoginLinksTheAnonymousIdAndKeepsTraits() throws Exception {
        CloudEvent e = only(new WebAdapter().adapt(json("""
                {"message_id":"w-2","anonymous_id":"anon-9","user_id":"42","event":"login","ts":1762866000000,
                 "properties":{"gender":"F","age":"31","phone_hash":"ab12"}}"""), ctx));
        Identify id = e.data(Identify.class);
        assertThat(e.subject()).isEqualTo("u:42");
        assertThat(id.links()).containsExactly(new LinkedId(IdKind.ANONYMOUS_ID, "anon-9"), new LinkedId(IdKind.PHONE_HASH, "ab12"));
        assertThat(id.traits()).containsEntry("gender", "F").containsEntry("age", "31").doesNotContainKey("phone_hash");
    }

    @Test
    void miniProgramLocalTimeIsShanghai() throws Exception {
        CloudEvent e = only(new MiniProgramAdapter().adapt(json("""
                {"msg_id":"mp-1","openid":"o-1","unionid":"un-1","action":"view_item","time":"2026-11-11 20:00:00","item_id":"sku-2"}"""), ctx));
        assertThat(e.time()).isEqualTo(Instant.parse("2026-11-11T12:00:00Z"));
        assertThat(e.subject()).isEqualTo("a:o-1");
        assertThat(e.data(ProductView.class).productId()).isEqualTo("sku-2");
    }

    @Test
    void sharesLikesAndMessageFeedbackAreTypedEvents() throws Exception {
        CloudEvent share = only(new MiniProgramAdapter().adapt(json("""
                {"msg_id":"mp-9","openid":"o-1","action":"share_app_message","time":"2026-11-11 20:00:00","item_id":"sku-2",
                 "extra":{"platform":"wechat"}}"""), ctx));
        assertThat(share.type()).isEqualTo("social_share");
        assertThat(share.data(SocialInteraction.class)).isEqualTo(new SocialInteraction("sku-2", null, "wechat"));
        CloudEvent click = only(new WebAdapter().adapt(json("""
                {"message_id":"w-9","anonymous_id":"anon-9","user_id":"42","event":"push_click","ts":1762866000000,
                 "page_url":"https://shop/c/sku-1","properties":{"action_id":"act-7","journey_id":"cart"}}"""), ctx));
        assertThat(click.type()).isEqualTo("message_clicked");
        assertThat(click.data(MessageFeedback.class)).isEqualTo(new MessageFeedback("act-7", "cart", "https://shop/c/sku-1"));
        // A like of nothing, and feedback on no message, say nothing: refused with the field.
        assertThatThrownBy(() -> new WebAdapter().adapt(json("""
                {"message_id":"w-10","anonymous_id":"anon-9","event":"like","ts":1762866000000}"""), ctx))
                .isInstanceOf(Rejected.class).hasMessageContaining("product_id");
        assertThatThrownBy(() -> new WebAdapter().adapt(json("""
                {"message_id":"w-11","anonymous_id":"anon-9","event":"message_opened","ts":1762866000000}"""), ctx))
                .isInstanceOf(Rejected.class).hasMessageContaining("action_id");
    }

    @Test
    void storeReceiptUsesTheStoresZoneAndMemberCard() throws Exception {
        CloudEvent e = only(new StoreAdapter().adapt(json("""
                {"store_id":"chi-01","receipt_no":"R1","member_card":"M77","checkout_time":"2026-11-11 09:30:00",
                 "lines":[{"sku":"oj-1","qty":2,"unit_price":3.49}],"total":6.98,"currency":"USD"}"""), ctx));
        assertThat(e.time()).isEqualTo(Instant.parse("2026-11-11T15:30:00Z"));
        assertThat(e.subject()).isEqualTo("a:card:M77");
        Purchase p = e.data(Purchase.class);
        assertThat(p.storeId()).isEqualTo("chi-01");
        assertThat(p.lines().getFirst().quantity()).isEqualTo(2);
        assertThat(p.amount()).isEqualByComparingTo("6.98");
    }

    @Test
    void storeReceiptWithNegativeQuantityIsOutOfRange() {
        assertThatThrownBy(() -> new StoreAdapter().adapt(json("""
                {"store_id":"s","receipt_no":"R2","checkout_time":"2026-11-11 09:30:00",
                 "lines":[{"sku":"a","qty":-1,"unit_price":3}],"total":3,"currency":"CNY"}"""), ctx))
                .isInstanceOfSatisfying(Rejected.class, r -> {
                    assertThat(r.code()).isEqualTo(ReasonCode.OUT_OF_RANGE);
                    assertThat(r.getMessage()).isEqualTo("lines[0].qty: must be between 1 and 10000, was -1");
                });
    }

    @Test
    void appBatchConvertsOffsetsAndFailsABadEventAlone() throws Exception {
        List<Outcome> out = new AppAdapter().adapt(json("""
                {"device_id":"d-1","app_version":"3.2","os":"ios","events":[
                  {"event_id":"e1","name":"screen_view","timestamp":"2026-11-11T20:00:00+08:00","params":{"screen":"home"}},
                  {"event_id":"e2","name":"teleport","timestamp":"2026-11-11T20:00:01+08:00"}]}"""), ctx);
        assertThat(out).hasSize(2);
        CloudEvent first = ((Outcome.Event) out.get(0)).event();
        assertThat(first.time()).isEqualTo(Instant.parse("2026-11-11T12:00:00Z"));
        assertThat(first.subject()).isEqualTo("a:d-1");
        Outcome.Failure bad = (Outcome.Failure) out.get(1);
        assertThat(bad.code()).isEqualTo(ReasonCode.UNKNOWN_EVENT);
        assertThat(bad.detail()).startsWith("events[1]: event 'teleport'");
        // The failure is replayable: the batch header with only the bad event.
        ObjectNode replay = (ObjectNode) Json.MAPPER.readTree(bad.raw());
        assertThat(replay.get("device_id").asText()).isEqualTo("d-1");
        assertThat(replay.get("events")).hasSize(1);
        assertThat(replay.at("/events/0/event_id").asText()).isEqualTo("e2");
    }

    @Test
    void adCostWithoutOrWithNegativeCostIsRefused() {
        assertThatThrownBy(() -> new AdsAdapter().adapt(json("""
                {"platform":"p","event":"cost","event_id":"c1","campaign_id":"k","ad_id":"a","ts":1762866000000}"""), ctx))
                .hasMessage("cost_micros: is required for a cost report");
        assertThatThrownBy(() -> new AdsAdapter().adapt(json("""
                {"platform":"p","event":"cost","event_id":"c1","campaign_id":"k","ad_id":"a","cost_micros":-5,"ts":1762866000000}"""), ctx))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo(ReasonCode.OUT_OF_RANGE));
    }

    @Test
    void catalogProductGetsDefaults() throws Exception {
        Outcome.Catalog c = (Outcome.Catalog) new CatalogAdapter().adapt(json("""
                {"product_id":"sku-1","title":"龙井 Longjing","price":88}"""), ctx).getFirst();
        assertThat(c.product().currency()).isEqualTo("CNY");
        assertThat(c.product().inStock()).isTrue();
        assertThat(c.product().updatedAt()).isEqualTo(RECEIVED);
    }
}
