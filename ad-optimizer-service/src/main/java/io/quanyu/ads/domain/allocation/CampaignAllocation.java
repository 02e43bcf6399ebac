package io.quanyu.ads.domain.allocation;

/** One campaign's share of an allocation, with the reason published alongside it on {@code ads.decisions.v1}. */
public record CampaignAllocation(String campaignId, double spend, String reason) {
}
