package io.quanyu.events.data;

import io.quanyu.events.validation.Required;

/**
 * What became of a message the suite sent (an action on {@code engagement.actions.v1}): the shop's gateway delivered
 * it, or the customer opened it or clicked through; {@code url} is the link clicked.
 */
public record MessageFeedback(@Required String actionId, String journeyId, String url) implements EventData {
}
