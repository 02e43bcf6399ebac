package io.quanyu.ads.domain.audience;

import io.quanyu.ads.domain.Campaign;
import io.quanyu.ads.domain.InvalidRequestException;
import java.util.Set;

/**
 * How a campaign picks its audience. With no target segments everyone (not excluded) is eligible and ranked by
 * propensity.
 *
 * @param targetSegments   segments the campaign aims at
 * @param excludedSegments customers in any of these are never included (opted out, recent buyers, staff)
 * @param mode             {@link Mode#FILTER}: only customers in at least one target segment, scored by propensity;
 *                         {@link Mode#BOOST}: everyone, scored propensity · (1 + boost · share of the target
 *                         segments they are in)
 * @param boost            the BOOST weight, >= 0 (1 doubles the score of a customer in every target segment)
 */
public record TargetingSpec(Set<String> targetSegments, Set<String> excludedSegments, Mode mode, double boost) {

    /** Whether target segments restrict or only favour. */
    public enum Mode { FILTER, BOOST }

    public TargetingSpec {
        targetSegments = targetSegments == null ? Set.of() : Set.copyOf(targetSegments);
        excludedSegments = excludedSegments == null ? Set.of() : Set.copyOf(excludedSegments);
        InvalidRequestException.require(mode != null, "mode is required");
        InvalidRequestException.require(boost >= 0 && Double.isFinite(boost), "boost must be finite and >= 0");
    }

    /** The campaign's target segments as a filter. */
    public static TargetingSpec forCampaign(Campaign campaign, Set<String> excludedSegments) {
        return new TargetingSpec(campaign.targetSegments(), excludedSegments, Mode.FILTER, 0);
    }
}
