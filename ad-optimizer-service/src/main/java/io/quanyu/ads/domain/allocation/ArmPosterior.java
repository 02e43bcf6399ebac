package io.quanyu.ads.domain.allocation;

/**
 * The allocator's belief about one campaign after (discounted) history: conversion rate ~ Beta(alpha, beta); order
 * values ~ Gamma(orderShape, rate λ) with λ ~ Gamma(valueShape, valueRate), so the mean order value orderShape / λ is
 * inverse-gamma; cost per click taken as observed.
 */
public record ArmPosterior(String campaignId, double alpha, double beta, double orderShape, double valueShape,
                           double valueRate, double costPerClick) {

    public double meanConversionRate() {
        return alpha / (alpha + beta);
    }

    /** E[orderShape / λ]: the expected mean order value. */
    public double meanOrderValue() {
        return orderShape * valueRate / (valueShape - 1);
    }

    /** Expected revenue per unit of spend: E[cvr] · E[order value] / cpc (the two posteriors are independent). */
    public double meanRoas() {
        return meanConversionRate() * meanOrderValue() / costPerClick;
    }
}
