package io.quanyu.ads.domain.attribution;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * An ad click that may earn credit for a later purchase: who clicked (canonical user key), when, and on which
 * campaign, ad and channel.
 */
public record Touch(String userKey, Instant time, String campaignId, String adId, String channel) {

    /**
     * Chronological order; simultaneous touches are ordered by campaign, ad and channel so that "the last touch" is
     * the same on every replay.
     */
    public static final Comparator<Touch> CHRONOLOGICAL = Comparator.comparing(Touch::time)
            .thenComparing(Touch::campaignId).thenComparing(Touch::adId).thenComparing(Touch::channel);

    public Touch {
        Objects.requireNonNull(userKey, "userKey");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(adId, "adId");
        channel = channel == null ? "" : channel;
    }
}
