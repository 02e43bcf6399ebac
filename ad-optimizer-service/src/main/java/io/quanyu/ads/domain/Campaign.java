package io.quanyu.ads.domain;

import java.util.List;
import java.util.Set;

/**
 * A registered campaign: where it runs, its daily budget bounds for the allocator and the audience it targets.
 * Money is in micros (see {@link Micros}); the constructor rejects inconsistent values with
 * {@link InvalidRequestException} (code {@code invalid_campaign}).
 *
 * @param campaignId        id used by the ad platforms' events
 * @param name              display name
 * @param channels          ad platforms / channels the campaign runs on (at least one)
 * @param minDailySpendMicros the least the allocator may give it per day (contractual minimums, learning budget)
 * @param maxDailySpendMicros the most it may get per day (platform cap, inventory limit)
 * @param targetSegments    profile segment ids the campaign is aimed at; empty means everyone
 * @param ads               its creatives
 * @param active            false when paused: the allocator should then be given min = max = 0
 */
public record Campaign(String campaignId, String name, List<String> channels, long minDailySpendMicros,
                       long maxDailySpendMicros, Set<String> targetSegments, List<Ad> ads, boolean active) {

    public Campaign {
        requireText("campaignId", campaignId);
        name = name == null || name.isBlank() ? campaignId : name;
        channels = channels == null ? List.of() : List.copyOf(channels);
        targetSegments = targetSegments == null ? Set.of() : Set.copyOf(targetSegments);
        ads = ads == null ? List.of() : List.copyOf(ads);
        if (channels.isEmpty()) {
            throw invalid("campaign " + campaignId + " needs at least one channel");
        }
        if (minDailySpendMicros < 0 || maxDailySpendMicros < minDailySpendMicros) {
            throw invalid("campaign " + campaignId + " needs 0 <= minDailySpend <= maxDailySpend, got "
                    + minDailySpendMicros + " and " + maxDailySpendMicros + " micros");
        }
        if (ads.stream().map(Ad::adId).distinct().count() != ads.size()) {
            throw invalid("campaign " + campaignId + " lists an ad id twice");
        }
    }

    static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required");
        }
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException("invalid_campaign", message);
    }
}
