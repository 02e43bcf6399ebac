package io.quanyu.events.raw;

import io.quanyu.events.validation.Required;
import java.util.List;

/** A batched app SDK upload on {@code raw.app}: one device, many events. */
public record RawAppBatch(@Required String deviceId, String userId, @Required String appVersion,
                          @Required String os, @Required List<RawAppEvent> events) {
}
