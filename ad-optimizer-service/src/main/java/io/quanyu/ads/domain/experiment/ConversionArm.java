package io.quanyu.ads.domain.experiment;

import io.quanyu.ads.domain.InvalidRequestException;

/** One variant of an A/B test (a creative, a policy): how many were exposed and how many converted. */
public record ConversionArm(String name, long visitors, long conversions) {

    public ConversionArm {
        InvalidRequestException.require(visitors >= 0 && conversions >= 0 && conversions <= visitors,
                "arm " + name + " needs 0 <= conversions <= visitors, got " + conversions + " of " + visitors);
    }

    /** conversions / visitors, null without visitors. */
    public Double rate() {
        return visitors == 0 ? null : conversions / (double) visitors;
    }
}
