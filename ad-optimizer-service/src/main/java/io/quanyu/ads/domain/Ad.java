package io.quanyu.ads.domain;

/**
 * One ad (creative) of a campaign, as registered by an administrator; ad events name it by {@code adId}.
 *
 * @param adId     the platform's ad id, unique across campaigns
 * @param name     a display name
 * @param creative a free-text description or URL of the creative, may be null
 */
public record Ad(String adId, String name, String creative) {

    public Ad {
        Campaign.requireText("adId", adId);
        name = name == null || name.isBlank() ? adId : name;
    }
}
