package io.quanyu.engagement.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * A journey's second decision: {@code wait} after a treated customer's action, unless they bought meanwhile, a further
 * action (a reminder that the code expires, a message with recommendations). Held-out customers get none either, so
 * the uplift measures both actions together.
 *
 * @param waitFor         ("wait" in JSON) ISO-8601 duration after the first action, above zero, at most 30 days
 * @param unlessPurchased whether a purchase since the first action ends the journey there (default true)
 * @param action          what to do then
 */
public record FollowUp(@JsonProperty("wait") String waitFor, Boolean unlessPurchased, Action action) {

    public FollowUp validated() {
        Duration d = Durations.parse("follow_up.wait", waitFor, Duration.ofDays(30), false);
        if (action == null) {
            throw new Invalid("follow_up.action is required");
        }
        return new FollowUp(d.toString(), unlessPurchased == null || unlessPurchased, action.validated("follow_up.action"));
    }

    @JsonIgnore
    public Duration waitDuration() {
        return Duration.parse(waitFor);
    }
}
