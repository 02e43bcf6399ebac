package io.quanyu.ads.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** Settings of the ad optimizer, under {@code quanyu.ads}. */
@ConfigMapping(prefix = "quanyu.ads")
public interface AdsConfig {

    /** Consumer group of the events.v1 reader (the erasure worker uses this plus "-erasure"). */
    @WithDefault("quanyu-ads")
    String groupId();

    /** Whether this instance reads events.v1, profile.updates.v1 and erasures (an instance can serve from the database only). */
    @WithDefault("true")
    boolean consume();

    /** The zone whose calendar days the daily counters, reports and budgets use. */
    @WithDefault("UTC")
    ZoneId reportingZone();

    /** The reporting currency: costs, revenue, budgets and decisions are in its units. */
    @WithDefault("CNY")
    String currency();

    /** Other currencies as units of the reporting currency ({@code USD=7.1,EUR=7.7}); amounts in any other currency are skipped. */
    Optional<String> fxRates();

    /** How long before a purchase a click may earn credit for it (both ends inclusive). */
    @WithDefault("7d")
    Duration attributionWindow();

    /** When the profile service links new keys to a customer, that customer's orders placed this far back are attributed again. */
    @WithDefault("30d")
    Duration reattributeLookback();

    /** How long ad event ids are remembered for deduplication (longer than the retention of events.v1). */
    @WithDefault("35d")
    Duration seenRetention();

    /** Days of history (ending yesterday) the Thompson and ROI>=mean policies learn from. */
    @WithDefault("90")
    int historyDays();

    /** Days of history (ending yesterday) the optimizer fits response curves to. */
    @WithDefault("42")
    int fitDays();

    /** A campaign with fewer days of spend than this in the fit window keeps its current spend under the optimizer. */
    @WithDefault("7")
    int minFitDays();

    /** The optimizer's default current spend of a campaign: its mean daily spend over this many days (ending yesterday). */
    @WithDefault("14")
    int currentDays();

    /** The optimizer's default trust region: each campaign within current × (1 ± this). */
    @WithDefault("0.5")
    double maxChange();

    /** Thompson sampling's discount of older days (0.98 remembers about 50 days; the ads-policy bench's choice for drifting markets). */
    @WithDefault("0.98")
    double thompsonDiscount();

    /** Posterior draws per Thompson decision. */
    @WithDefault("200")
    int thompsonDraws();

    /** The longest date range a report accepts, in days. */
    @WithDefault("731")
    int maxRangeDays();

    /** The largest audience one request may export. */
    @WithDefault("100000")
    int maxAudience();

    /** How often unpublished decisions are sent to Kafka (they are also sent right after each decision). */
    @WithDefault("2s")
    Duration publishEvery();
}
