package io.quanyu.testkit.replay;

import io.quanyu.events.Channel;
import io.quanyu.testkit.replay.Interaction.Kind;
import io.quanyu.testkit.replay.MovieLensData.Rating;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns ratings into the time-ordered derived events (logins, views, reviews, purchases) of a replay. */
public record Timeline(List<Interaction> interactions, long shiftSeconds) {

    /** A review is written half a minute after the view, and a liked movie (4 or 5) bought a minute after. */
    static final long REVIEW_AFTER = 30;
    static final long PURCHASE_AFTER = 60;
    /** Users log in on a channel shortly before they first use it. */
    static final long LOGIN_BEFORE = 10;
    /** Ratings at this position (mod 3) of a two-channel user's history happen on the second channel. */
    private static final int SECOND_CHANNEL_EVERY = 3;

    /** The events of the first {@code maxRatings} ratings in time order (all when 0), shifted so the latest is at {@code anchor}. */
    public static Timeline of(MovieLensData data, ReplayOptions options) {
        List<Rating> ratings = options.maxRatings() > 0 && options.maxRatings() < data.ratings().size()
                ? data.ratings().subList(0, options.maxRatings())
                : data.ratings();
        long latest = Long.MIN_VALUE;
        for (Rating r : ratings) {
            latest = Math.max(latest, r.epochSecond() + (r.rating() >= 4 ? PURCHASE_AFTER : REVIEW_AFTER));
        }
        // One offset for everything: relative spacing, sessions and daily rhythm survive the move to the present.
        long shift = ratings.isEmpty() ? 0 : options.anchor().getEpochSecond() - latest;

        List<Interaction> out = new ArrayList<>(ratings.size() * 3);
        Map<Integer, Integer> seenPerUser = new HashMap<>();
        // First use of each (user, click channel), for the login in front of it; insertion order is time order.
        Map<Long, Interaction> firstUse = new LinkedHashMap<>();
        for (Rating r : ratings) {
            int uid = r.userId();
            // Fail here, not halfway through encoding, on a rating that names an unknown user or movie.
            data.user(uid);
            data.movie(r.itemId());
            int ordinal = seenPerUser.merge(uid, 1, Integer::sum) - 1;
            Channel used = ReplayIds.secondChannel(uid)
                    .filter(second -> ordinal % SECOND_CHANNEL_EVERY == 1)
                    .orElse(ReplayIds.mainChannel(uid));
            Channel clicks = ReplayIds.clickChannel(used);
            long t = r.epochSecond() + shift;
            Interaction view = new Interaction(t, uid, clicks, Kind.VIEW, r.itemId(), r.rating());
            out.add(view);
            out.add(new Interaction(t + REVIEW_AFTER, uid, clicks, Kind.REVIEW, r.itemId(), r.rating()));
            if (r.rating() >= 4) {
                out.add(new Interaction(t + PURCHASE_AFTER, uid, used, Kind.PURCHASE, r.itemId(), r.rating()));
            }
            firstUse.putIfAbsent(((long) uid << 8) | clicks.ordinal(), view);
        }
        for (Interaction first : firstUse.values()) {
            out.add(new Interaction(first.epochSecond() - LOGIN_BEFORE, first.uid(), first.channel(), Kind.LOGIN, 0, 0));
        }
        out.sort(Interaction.ORDER);
        return new Timeline(List.copyOf(out), shift);
    }
}
