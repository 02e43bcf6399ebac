package io.quanyu.ads.domain.audience;

import io.quanyu.ads.domain.InvalidRequestException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Ranks customers for a campaign and exports the top of the list. A single pass with a bounded heap, so an export
 * over millions of profiles keeps only {@code limit} of them in memory.
 */
public final class AudienceRanker {

    /** Best first: higher score, then customer id ascending so equal scores come out the same on every run. */
    public static final Comparator<RankedMember> BEST_FIRST = Comparator.comparingDouble(RankedMember::score)
            .reversed().thenComparing(RankedMember::customerId);

    private AudienceRanker() {
    }

    /** The member's ranking under the spec, or null when it is excluded or (FILTER) matches no target segment. */
    public static RankedMember score(TargetingSpec spec, AudienceMember m) {
        for (String s : m.segments()) {
            if (spec.excludedSegments().contains(s)) {
                return null;
            }
        }
        List<String> matched = new ArrayList<>();
        for (String s : spec.targetSegments()) {
            if (m.segments().contains(s)) {
                matched.add(s);
            }
        }
        matched.sort(null);
        if (spec.targetSegments().isEmpty()) {
            return new RankedMember(m.customerId(), m.propensity(), m.propensity(), List.of());
        }
        double score = switch (spec.mode()) {
            case FILTER -> matched.isEmpty() ? Double.NaN : m.propensity();
            case BOOST -> m.propensity() * (1 + spec.boost() * matched.size() / spec.targetSegments().size());
        };
        return Double.isNaN(score) ? null : new RankedMember(m.customerId(), score, m.propensity(), List.copyOf(matched));
    }

    /** The best {@code limit} eligible members, best first. */
    public static List<RankedMember> top(TargetingSpec spec, Iterable<AudienceMember> members, int limit) {
        InvalidRequestException.require(limit >= 0, "limit must be >= 0");
        if (limit == 0) {
            return List.of();
        }
        // Min-heap on "best first" order: its head is the worst kept member, evicted when a better one arrives.
        PriorityQueue<RankedMember> heap = new PriorityQueue<>(BEST_FIRST.reversed());
        for (AudienceMember m : members) {
            RankedMember r = score(spec, m);
            if (r == null) {
                continue;
            }
            if (heap.size() < limit) {
                heap.add(r);
            } else if (BEST_FIRST.compare(r, heap.peek()) < 0) {
                heap.poll();
                heap.add(r);
            }
        }
        List<RankedMember> out = new ArrayList<>(heap);
        out.sort(BEST_FIRST);
        return out;
    }

    /** The audience as CSV ({@code customer_id,score,propensity,matched_segments}, segments joined by ';'). */
    public static String toCsv(List<RankedMember> audience) {
        StringBuilder sb = new StringBuilder("customer_id,score,propensity,matched_segments\n");
        for (RankedMember r : audience) {
            sb.append(csv(r.customerId())).append(',').append(r.score()).append(',').append(r.propensity())
                    .append(',').append(csv(String.join(";", r.matchedSegments()))).append('\n');
        }
        return sb.toString();
    }

    /** Quotes a field containing a comma, quote or line break (RFC 4180), doubling inner quotes. */
    private static String csv(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
