package io.quanyu.testkit.replay;

import io.quanyu.events.Channel;
import java.util.Comparator;
import java.util.Locale;

/** One derived event of a replay: who did what, on which channel, at which shifted epoch second (item 0 for a login). */
public record Interaction(long epochSecond, int uid, Channel channel, Kind kind, int item, int rating) {

    /** What the user did; the order breaks ties at equal times (a login precedes what it enables). */
    public enum Kind {
        LOGIN, VIEW, REVIEW, PURCHASE;

        /** Suffix in message ids: view, review, purchase, login. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Time order, then a fixed tie-break, so a replay is the same sequence every time. */
    public static final Comparator<Interaction> ORDER = Comparator.comparingLong(Interaction::epochSecond)
            .thenComparingInt(Interaction::uid)
            .thenComparing(Interaction::channel)
            .thenComparingInt(Interaction::item)
            .thenComparing(Interaction::kind);
}
