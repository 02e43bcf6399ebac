package io.quanyu.events.data;

import io.quanyu.events.validation.Required;

/** One identifier linked to a user by an {@code identify} event, e.g. {@code openid=o6_bmjrPTlm6}. */
public record LinkedId(@Required IdKind kind, @Required String value) {
}
