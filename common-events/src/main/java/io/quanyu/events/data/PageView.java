package io.quanyu.events.data;

import io.quanyu.events.validation.Required;

/** A page or screen seen. */
public record PageView(@Required String url, String title, String referrer) implements EventData {
}
