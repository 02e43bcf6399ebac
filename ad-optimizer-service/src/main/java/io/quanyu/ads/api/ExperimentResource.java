package io.quanyu.ads.api;

import io.quanyu.ads.config.AdsConfig;
import io.quanyu.ads.domain.experiment.AbTest;
import io.quanyu.ads.domain.experiment.ConversionArm;
import io.quanyu.ads.domain.experiment.ConversionComparison;
import io.quanyu.ads.domain.experiment.RevenueArm;
import io.quanyu.ads.domain.experiment.RevenueComparison;
import io.quanyu.ads.domain.experiment.TestPlan;
import io.quanyu.ads.store.CampaignStore;
import io.quanyu.ads.store.PerformanceStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A/B comparison of two ads: conversion rate per click (two-proportion z-test) and revenue per click (Welch's t-test). */
@Path("/v1/experiments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "experiments")
public class ExperimentResource {

    /** One ad's figures over the period. */
    @Schema(description = "An arm: clicks as trials, last-touch attributed conversions as successes")
    public record Arm(String adId, String campaignId, long clicks, long conversions, double revenue) {
    }

    /** The conversion test. */
    @Schema(description = "Two-proportion z-test of b's conversion rate against a's")
    public record Conversion(Double rateA, Double rateB, double difference, double z, double pValue, double ciLow, double ciHigh, boolean significant,
                             @Schema(description = "Clicks per arm the plan needs at a's rate; null when that rate is 0 or 1") Long requiredPerArm) {
    }

    /** The revenue test. */
    @Schema(description = "Welch's t-test of b's mean revenue per click against a's")
    public record RevenuePerClick(double meanA, double meanB, double difference, double t, double df, double pValue, double ciLow, double ciHigh,
                                  boolean significant) {
    }

    /** The comparison. */
    @Schema(description = "Ad b (variant) against ad a (control)")
    public record Comparison(LocalDate from, LocalDate to, String model, double alpha, double mde, Arm a, Arm b, Conversion conversion,
                             RevenuePerClick revenuePerClick, @Schema(description = "Why the result may not be trustworthy") List<String> warnings) {
    }

    private final AdsConfig config;
    private final CampaignStore campaigns;
    private final PerformanceStore performance;

    public ExperimentResource(AdsConfig config, CampaignStore campaigns, PerformanceStore performance) {
        this.config = config;
        this.campaigns = campaigns;
        this.performance = performance;
    }

    @GET
    @Path("/compare")
    @Operation(summary = "Compare two ads", description = "Clicks in the period are the trials; orders the last-touch model credits to the ad, "
            + "by purchase day in the period, the successes; revenue per click sums each click's credited orders. Warns when the sample is "
            + "below what the minimum detectable effect needs.")
    public Comparison compare(@Parameter(description = "Control ad id", required = true) @QueryParam("a") String a,
                              @Parameter(description = "Variant ad id", required = true) @QueryParam("b") String b,
                              @QueryParam("from") String from, @QueryParam("to") String to,
                              @Parameter(description = "Minimum detectable effect in conversion rate, absolute (default 0.1)") @QueryParam("mde") String mde,
                              @Parameter(description = "Significance level (default 0.05)") @QueryParam("alpha") String alpha) throws SQLException {
        String adA = Params.id("a", a);
        String adB = Params.id("b", b);
        if (adA.equals(adB)) {
            throw Rejected.badRequest("invalid_b", "a and b must be different ads");
        }
        Params.Range range = Params.range(from, to, config.reportingZone(), config.maxRangeDays());
        double effect = Params.number("mde", mde, 0.1, 0, 1, false);
        double level = Params.number("alpha", alpha, 0.05, 0, 1, false);
        List<String> warnings = new ArrayList<>();
        PerformanceStore.AdArm armA = arm(adA, range);
        PerformanceStore.AdArm armB = arm(adB, range);
        ConversionComparison conv = AbTest.compareConversions(conversionArm(armA, warnings), conversionArm(armB, warnings),
                new TestPlan(level, 0.8, effect));
        RevenueComparison rev = AbTest.compareRevenue(new RevenueArm(adA, armA.clicks(), armA.revenue(), armA.revenueSquares()),
                new RevenueArm(adB, armB.clicks(), armB.revenue(), armB.revenueSquares()), level);
        warnings.addAll(conv.warnings());
        rev.warnings().forEach(w -> warnings.add("revenue per click: " + w));
        return new Comparison(range.from(), range.to(), "last_touch", level, effect, view(armA), view(armB),
                new Conversion(conv.rateControl(), conv.rateVariant(), conv.difference(), conv.z(), conv.pValue(), conv.ciLow(), conv.ciHigh(),
                        conv.significant(), conv.requiredPerArm()),
                new RevenuePerClick(rev.control().mean(), rev.variant().mean(), rev.difference(), rev.t(), rev.df(), rev.pValue(), rev.ciLow(),
                        rev.ciHigh(), rev.significant()), warnings);
    }

    private PerformanceStore.AdArm arm(String adId, Params.Range range) throws SQLException {
        var registered = campaigns.campaignOfAd(adId);
        if (registered.isEmpty() && !performance.adHasData(adId)) {
            throw Rejected.notFound("no ad '" + Params.shorten(adId) + "' is registered or seen in any ad event");
        }
        PerformanceStore.AdArm arm = performance.arm(adId, range.from(), range.to());
        return registered.isPresent() ? new PerformanceStore.AdArm(adId, registered.get(), arm.clicks(), arm.conversions(), arm.revenue(),
                arm.revenueSquares()) : arm;
    }

    /** Conversions beyond the clicks (one click credited for several orders) are capped, with a warning. */
    private static ConversionArm conversionArm(PerformanceStore.AdArm arm, List<String> warnings) {
        if (arm.conversions() > arm.clicks()) {
            warnings.add("ad " + arm.adId() + " has more attributed conversions (" + arm.conversions() + ") than clicks (" + arm.clicks()
                    + ") in the period: counted as " + arm.clicks());
        }
        return new ConversionArm(arm.adId(), arm.clicks(), Math.min(arm.conversions(), arm.clicks()));
    }

    private static Arm view(PerformanceStore.AdArm arm) {
        return new Arm(arm.adId(), arm.campaignId(), arm.clicks(), arm.conversions(), arm.revenue());
    }
}
