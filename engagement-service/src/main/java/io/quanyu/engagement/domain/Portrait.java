package io.quanyu.engagement.domain;

import java.util.List;

/**
 * What the journeys know of a customer from profile.updates.v1: segments, lifecycle stage, purchase propensity and the
 * preferred channel; {@link #UNKNOWN} for a key no portrait names yet.
 */
public record Portrait(List<String> segments, String lifecycle, Double propensity, String preferredChannel) {

    public static final Portrait UNKNOWN = new Portrait(List.of(), null, null, null);

    public Portrait {
        segments = segments == null ? List.of() : List.copyOf(segments);
    }
}
