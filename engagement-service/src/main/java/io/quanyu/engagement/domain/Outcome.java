package io.quanyu.engagement.domain;

import java.util.Locale;

/** What the sweep decided for a trigger whose wait is over; {@link #WAIT} leaves it pending (quiet hours). */
public enum Outcome {
    WAIT, CANCELLED, CONVERTED, SUPPRESSED_CONSENT, SUPPRESSED_CAP, NO_BRANCH, OFFER_UNAVAILABLE, HOLDOUT, ACTED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
