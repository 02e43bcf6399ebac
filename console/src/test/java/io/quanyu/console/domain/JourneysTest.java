package io.quanyu.console.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Trigger, branch and action texts of engagement's journeys, Wilson's interval, and whether an interval leaves out 0. */
class JourneysTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Journeys.Words EN = Journeys.Words.ENGLISH;

    @Test
    void wilsonMatchesNewcombesPublishedIntervals() {
        // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3 (score).
        assertInterval(Journeys.wilson(81, 263), 0.2553, 0.3662);
        assertInterval(Journeys.wilson(15, 148), 0.0624, 0.1605);
        assertInterval(Journeys.wilson(0, 20), 0.0, 0.1611);
        // All converted: the mirror image of 0/20.
        assertInterval(Journeys.wilson(20, 20), 1 - 0.1611, 1.0);
        assertThat(Journeys.wilson(0, 0)).as("no entries, no interval").isNull();
        assertThat(Journeys.wilson(3, 2)).as("more conversions than entries").isNull();
    }

    @Test
    void triggersAreToldByWhatTheyWaitFor() throws Exception {
        assertThat(Journeys.triggerParameter(json("{\"kind\":\"cart_abandoned\",\"wait\":\"PT30M\",\"channels\":[\"web\",\"app\"]}"), EN))
                .isEqualTo("wait PT30M · web, app");
        assertThat(Journeys.triggerParameter(json("{\"kind\":\"lifecycle\",\"lifecycle\":\"at_risk\"}"), EN)).isEqualTo("at_risk");
        assertThat(Journeys.triggerParameter(json("{\"kind\":\"entered_segment\",\"segment\":\"vip\",\"exit_on_purchase\":false}"), EN))
                .isEqualTo("vip · stays after a purchase");
        assertThat(Journeys.triggerParameter(json("{\"kind\":\"propensity_above\",\"threshold\":0.3}"), EN)).isEqualTo("> 0.3");
        assertThat(Journeys.triggerParameter(json("{\"kind\":\"birthday\"}"), EN)).isEmpty();
        assertThat(Journeys.triggerParameter(null, EN)).isEmpty();
    }

    @Test
    void branchesAndActionsInWords() throws Exception {
        assertThat(Journeys.condition(json("{\"segments\":[\"vip\",\"big-spenders\"],\"min_propensity\":0.3,\"bought_before\":false}"), EN))
                .isEqualTo("segment in vip, big-spenders and propensity ≥ 0.3 and never bought");
        assertThat(Journeys.condition(json("{}"), EN)).isEqualTo("always");
        assertThat(Journeys.action(json("{\"kind\":\"grant_offer\",\"offer_id\":\"vip-30\",\"channel\":\"app\",\"recommendations\":0}"), EN))
                .isEqualTo("grant_offer · offer vip-30 · on app");
        assertThat(Journeys.action(json("{\"kind\":\"send_message\",\"message\":\"好久不见\",\"recommendations\":4}"), EN))
                .isEqualTo("send_message · “好久不见” · + 4 recommendations");
    }

    @Test
    void anIntervalExcludesZeroOnlyWhenBothEndsAreOnOneSide() throws Exception {
        assertThat(Journeys.excludesZero(json("{\"lower\":0.01,\"upper\":0.2}"))).isTrue();
        assertThat(Journeys.excludesZero(json("{\"lower\":-0.3,\"upper\":-0.02}"))).isTrue();
        assertThat(Journeys.excludesZero(json("{\"lower\":-0.1,\"upper\":0.2}"))).isFalse();
        assertThat(Journeys.excludesZero(json("{\"lower\":0.0,\"upper\":0.2}"))).as("touching 0 is not leaving it out").isFalse();
        assertThat(Journeys.excludesZero(json("{}"))).isFalse();
        assertThat(Journeys.excludesZero(null)).isFalse();
    }

    private static void assertInterval(Journeys.Interval i, double lower, double upper) {
        assertThat(i.lower()).isCloseTo(lower, within(0.00005));
        assertThat(i.upper()).isCloseTo(upper, within(0.00005));
    }

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }
}
