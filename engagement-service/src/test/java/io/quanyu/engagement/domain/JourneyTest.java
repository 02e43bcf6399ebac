package io.quanyu.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Journey definitions: defaults, normalization and refusals; and the order of the sweep's rules. */
class JourneyTest {

    private static Journey journey(Trigger t, Double share, Journey.FrequencyCap cap, Journey.Quiet quiet) {
        return new Journey("j1", "Cart", t, new Action("grant_offer", "o1", null), share, cap, quiet, null);
    }

    @Test
    void defaults() {
        Journey j = journey(new Trigger("cart_abandoned", null, null), null, null, null).validated();
        assertThat(j.waitDuration()).isEqualTo(Duration.ofMinutes(30));
        assertThat(j.holdoutShare()).isEqualTo(0.1);
        assertThat(j.attribution()).isEqualTo(Duration.ofDays(7));
        assertThat(j.triggeredOn("app")).isTrue();
        assertThat(j.quiet()).isEmpty();
        Journey web = journey(new Trigger("cart_abandoned", "PT2H", List.of("WEB")), 0.2, new Journey.FrequencyCap(1, "P1D"),
                new Journey.Quiet("22:00", "08:00", "Asia/Shanghai")).validated();
        assertThat(web.triggeredOn("web")).isTrue();
        assertThat(web.triggeredOn("store")).isFalse();
        assertThat(web.quiet()).isPresent();
    }

    @Test
    void refusals() {
        assertThatThrownBy(() -> journey(new Trigger("anniversary", null, null), null, null, null).validated()).isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> journey(new Trigger("cart_abandoned", "30m", null), null, null, null).validated())
                .hasMessageContaining("trigger.wait");
        assertThatThrownBy(() -> journey(new Trigger("cart_abandoned", null, null), 1.0, null, null).validated())
                .hasMessageContaining("holdout_share");
        assertThatThrownBy(() -> journey(new Trigger("cart_abandoned", null, null), null, new Journey.FrequencyCap(0, "P1D"), null)
                .validated()).hasMessageContaining("frequency_cap.max");
        assertThatThrownBy(() -> journey(new Trigger("cart_abandoned", null, null), null, null, new Journey.Quiet("25:00", "08:00", null))
                .validated()).hasMessageContaining("quiet_hours");
        assertThatThrownBy(() -> journey(null, null, null, null).validated()).hasMessageContaining("trigger.kind");
    }

    private static Decider.Facts facts(boolean purchased, boolean quiet, boolean optedOut, int entries, boolean grantable, boolean heldOut) {
        return new Decider.Facts(true, purchased, quiet, optedOut, entries, 1, grantable, heldOut);
    }

    @Test
    void theSweepsRulesApplyInOrder() {
        assertThat(Decider.decide(new Decider.Facts(false, true, true, true, 5, 1, false, true))).isEqualTo(Outcome.CANCELLED);
        assertThat(Decider.decide(facts(true, true, true, 5, false, true))).isEqualTo(Outcome.CONVERTED);
        assertThat(Decider.decide(facts(false, true, true, 5, false, true))).isEqualTo(Outcome.WAIT);
        assertThat(Decider.decide(facts(false, false, true, 5, false, true))).isEqualTo(Outcome.SUPPRESSED_CONSENT);
        assertThat(Decider.decide(facts(false, false, false, 1, false, true))).isEqualTo(Outcome.SUPPRESSED_CAP);
        assertThat(Decider.decide(facts(false, false, false, 0, false, true))).isEqualTo(Outcome.OFFER_UNAVAILABLE);
        assertThat(Decider.decide(facts(false, false, false, 0, true, true))).isEqualTo(Outcome.HOLDOUT);
        assertThat(Decider.decide(facts(false, false, false, 0, true, false))).isEqualTo(Outcome.ACTED);
        assertThat(Decider.decide(new Decider.Facts(true, false, false, false, 99, null, true, false))).isEqualTo(Outcome.ACTED);
    }

    @Test
    void theActionIdIsStablePerJourneyCustomerAndTrigger() {
        assertThat(Decider.actionId("j", "u:1", "e1")).isEqualTo(Decider.actionId("j", "u:1", "e1")).startsWith("act-").hasSize(36);
        assertThat(Decider.actionId("j", "u:1", "e1")).isNotEqualTo(Decider.actionId("j", "u:1", "e2"));
        assertThat(Decider.actionId("j", "u:1", "e1")).isNotEqualTo(Decider.actionId("j2", "u:1", "e1"));
    }
}
