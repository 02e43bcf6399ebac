package io.quanyu.ads.domain.audience;

import java.util.List;

/** A customer in a campaign's audience with the score it was ranked by and the target segments it matched. */
public record RankedMember(String customerId, double score, double propensity, List<String> matchedSegments) {
}
