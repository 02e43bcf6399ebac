package io.quanyu.console.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleBuilderTest {

    @Test
    void rowsBecomeAnAllConditionWithTypedValues() {
        var c = RuleBuilder.condition("all", List.of(new RuleBuilder.Row("activity.purchases", ">=", "1"),
                new RuleBuilder.Row("rfm.label", "in", "champion, loyal"), new RuleBuilder.Row("", ">", "ignored")));
        assertThat(c.toString()).isEqualTo("{\"all\":[{\"field\":\"activity.purchases\",\"op\":\">=\",\"value\":1},"
                + "{\"field\":\"rfm.label\",\"op\":\"in\",\"value\":[\"champion\",\"loyal\"]}]}");
    }

    @Test
    void oneRowIsTheLeafAndExistsTakesNoValue() {
        assertThat(RuleBuilder.condition("any", List.of(new RuleBuilder.Row("traits.gender", "exists", "x"))).toString())
                .isEqualTo("{\"field\":\"traits.gender\",\"op\":\"exists\"}");
        assertThat(RuleBuilder.condition("any", List.of(new RuleBuilder.Row("churn_risk", "<", "0.25"), new RuleBuilder.Row("lifecycle", "=", "active")))
                .toString()).startsWith("{\"any\":[{\"field\":\"churn_risk\",\"op\":\"<\",\"value\":0.25}");
    }

    @Test
    void noRowsNoCondition() {
        assertThat(RuleBuilder.condition("all", List.of(new RuleBuilder.Row(null, ">=", "1")))).isNull();
    }

    @Test
    void booleansAndText() {
        assertThat(RuleBuilder.value("true", "=").isBoolean()).isTrue();
        assertThat(RuleBuilder.value("store", "=").asText()).isEqualTo("store");
    }
}
