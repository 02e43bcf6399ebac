package io.quanyu.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Portrait triggers, branch conditions and actions: what fires, which branch a customer takes, and what is refused. */
class BranchesTest {

    private static final Portrait ACTIVE = new Portrait(List.of("vip"), "active", 0.2, "app");
    private static final Portrait AT_RISK = new Portrait(List.of("vip"), "at_risk", 0.2, "app");

    @Test
    void aLifecycleTriggerFiresOnEnteringTheStageOnly() {
        Trigger t = new Trigger("lifecycle", null, null, null, "at_risk", null, null).validated();
        assertThat(t.waitDuration()).isZero();
        assertThat(t.exitOnPurchase()).isTrue();
        assertThat(t.firedBy(ACTIVE, AT_RISK)).isTrue();
        assertThat(t.firedBy(null, AT_RISK)).as("first seen at risk").isTrue();
        assertThat(t.firedBy(AT_RISK, AT_RISK)).as("the same portrait again").isFalse();
        assertThat(t.firedBy(AT_RISK, ACTIVE)).isFalse();
    }

    @Test
    void segmentAndPropensityTriggersFireOnCrossing() {
        Trigger seg = new Trigger("entered_segment", "PT1H", null, "big-spenders", null, null, null).validated();
        Portrait in = new Portrait(List.of("big-spenders"), "active", null, null);
        assertThat(seg.firedBy(ACTIVE, in)).isTrue();
        assertThat(seg.firedBy(in, in)).isFalse();
        assertThat(seg.firedBy(in, ACTIVE)).isFalse();
        Trigger p = new Trigger("propensity_above", null, null, null, null, 0.5, null).validated();
        assertThat(p.firedBy(ACTIVE, new Portrait(List.of(), "active", 0.5, null))).isTrue();
        assertThat(p.firedBy(new Portrait(List.of(), "active", 0.6, null), new Portrait(List.of(), "active", 0.7, null))).isFalse();
        assertThat(p.firedBy(ACTIVE, new Portrait(List.of(), "active", null, null))).isFalse();
        assertThat(p.firedBy(new Portrait(List.of(), "active", null, null), new Portrait(List.of(), "active", 0.9, null))).isTrue();
        Trigger first = new Trigger("first_purchase", null, null).validated();
        assertThat(first.exitOnPurchase()).as("a first purchase is followed by more purchases, not cancelled by them").isFalse();
        assertThat(first.portrait()).isFalse();
        assertThat(first.firedBy(null, AT_RISK)).isFalse();
    }

    @Test
    void aDefinitionStoredByTheFirstVersionStillReads() throws Exception {
        String stored = "{\"journey_id\":\"cart-web\",\"trigger\":{\"kind\":\"cart_abandoned\",\"wait\":\"PT30M\",\"channels\":[\"web\"]},"
                + "\"action\":{\"kind\":\"grant_offer\",\"offer_id\":\"o\",\"channel\":null},\"holdout_share\":0.1,\"attribution_window\":\"P7D\"}";
        Journey j = io.quanyu.events.Json.MAPPER.readValue(stored, Journey.class);
        assertThat(j.trigger().exitsOnPurchase()).isTrue();
        assertThat(j.choose(new Condition.Facts(Portrait.UNKNOWN, "web", false)).orElseThrow().action().offerId()).isEqualTo("o");
        assertThat(j.followUp()).isNull();
        String again = io.quanyu.events.Json.MAPPER.writeValueAsString(j.validated());
        assertThat(again).doesNotContain("exits_on_purchase", "wire_kind", "grants", "portrait\"");
        assertThat(io.quanyu.events.Json.MAPPER.readValue(again, Journey.class)).isEqualTo(j.validated());
    }

    @Test
    void triggerRefusals() {
        assertThatThrownBy(() -> new Trigger("lifecycle", null, null, null, "sleepy", null, null).validated()).hasMessageContaining("trigger.lifecycle");
        assertThatThrownBy(() -> new Trigger("entered_segment", null, null, null, null, null, null).validated())
                .hasMessageContaining("trigger.segment");
        assertThatThrownBy(() -> new Trigger("propensity_above", null, null, null, null, 1.0, null).validated())
                .hasMessageContaining("trigger.threshold");
        assertThatThrownBy(() -> new Trigger("cart_abandoned", "PT0S", null).validated()).as("a cart needs a wait")
                .hasMessageContaining("trigger.wait");
        assertThatThrownBy(() -> new Trigger("anniversary", null, null).validated()).hasMessageContaining("trigger.kind");
    }

    private static Journey journey(List<Journey.Branch> branches, Action fallback) {
        return new Journey("j", "win back", new Trigger("lifecycle", null, null, null, "at_risk", null, null), fallback, branches, null, 0.1, null, null,
                null).validated();
    }

    @Test
    void theFirstBranchThatHoldsActsElseTheDefault() {
        Action vip = new Action("grant_offer", "vip-20", null);
        Action message = new Action("send_message", null, "app", "我们想念你", null);
        Journey j = journey(List.of(new Journey.Branch(new Condition(List.of("vip"), null, null, null, null, true), vip),
                new Journey.Branch(new Condition(null, null, 0.5, null, null, null), new Action("grant_offer", "nudge-5", null))), message);
        assertThat(j.choose(new Condition.Facts(AT_RISK, "web", true))).contains(new Journey.Chosen(0, vip.validated("x")));
        assertThat(j.choose(new Condition.Facts(AT_RISK, "web", false)).orElseThrow().branch()).as("vip who never bought: not branch 0").isNull();
        assertThat(j.choose(new Condition.Facts(new Portrait(List.of(), "at_risk", 0.7, null), "web", false)).orElseThrow().branch()).isEqualTo(1);
        Journey.Chosen fallback = j.choose(new Condition.Facts(Portrait.UNKNOWN, "web", false)).orElseThrow();
        assertThat(fallback.branch()).isNull();
        assertThat(fallback.action().wireKind()).isEqualTo("message");
        assertThat(fallback.action().recommendations()).isEqualTo(4);
        assertThat(j.offerIds()).containsExactly("vip-20", "nudge-5");
        Journey noDefault = journey(List.of(new Journey.Branch(new Condition(null, List.of("at_risk"), null, null, List.of("app"), null), vip)), null);
        assertThat(noDefault.choose(new Condition.Facts(AT_RISK, "web", true))).as("no branch, no default").isEmpty();
        assertThat(noDefault.choose(new Condition.Facts(AT_RISK, "app", true))).isPresent();
    }

    @Test
    void aFollowUpNeedsAWaitAndAnAction() {
        FollowUp f = new FollowUp("P3D", null, new Action("send_message", null, null, "Your code expires tomorrow", null)).validated();
        assertThat(f.unlessPurchased()).isTrue();
        assertThat(f.waitDuration()).hasDays(3);
        assertThatThrownBy(() -> new FollowUp("PT0S", null, new Action("grant_offer", "o", null)).validated()).hasMessageContaining("follow_up.wait");
        assertThatThrownBy(() -> new FollowUp("P1D", null, null).validated()).hasMessageContaining("follow_up.action");
        assertThatThrownBy(() -> new FollowUp("P1D", false, new Action("send_message", null, null, null, null)).validated())
                .hasMessageContaining("follow_up.action.message");
        Journey j = new Journey("j", null, new Trigger("cart_abandoned", null, null), new Action("grant_offer", "a", null), null,
                new FollowUp("P1D", false, new Action("grant_offer", "b", null)), null, null, null, null).validated();
        assertThat(j.offerIds()).containsExactly("a", "b");
        assertThat(j.followUp().unlessPurchased()).isFalse();
    }

    @Test
    void conditionsOnAnUnknownPropensityDoNotHold() {
        Condition c = new Condition(null, null, null, 0.3, null, null).validated("when");
        assertThat(c.holds(new Condition.Facts(new Portrait(List.of(), null, null, null), "web", false))).isFalse();
        assertThat(c.holds(new Condition.Facts(new Portrait(List.of(), null, 0.1, null), "web", false))).isTrue();
    }

    @Test
    void branchAndActionRefusals() {
        assertThatThrownBy(() -> journey(List.of(), null)).hasMessageContaining("action is required");
        assertThatThrownBy(() -> journey(List.of(new Journey.Branch(null, null)), null)).hasMessageContaining("branches[0].action");
        assertThatThrownBy(() -> journey(List.of(new Journey.Branch(new Condition(null, List.of("zombie"), null, null, null, null),
                new Action("grant_offer", "o", null))), null)).hasMessageContaining("branches[0].when.lifecycles");
        assertThatThrownBy(() -> journey(List.of(new Journey.Branch(new Condition(null, null, 0.8, 0.2, null, null),
                new Action("grant_offer", "o", null))), null)).hasMessageContaining("min_propensity");
        assertThatThrownBy(() -> journey(null, new Action("send_message", null, null, " ", null))).hasMessageContaining("action.message");
        assertThatThrownBy(() -> journey(null, new Action("send_message", "o", null, "hi", null))).hasMessageContaining("offer_id is only");
        assertThatThrownBy(() -> journey(null, new Action("send_message", null, null, "hi", 21))).hasMessageContaining("recommendations");
        assertThatThrownBy(() -> journey(null, new Action("send_message", null, null, "x".repeat(1001), null))).hasMessageContaining("1000");
        assertThatThrownBy(() -> journey(null, new Action("call", null, null))).hasMessageContaining("action.kind");
    }
}
