package io.quanyu.forecast.domain;

/** How a demand driver enters the regression models and how it is extended into the future when no plan is given. */
public enum FeatureKind {
    /** A price: enters as its logarithm (a constant elasticity); carried forward when the future is unknown. */
    PRICE,
    /** A promotion intensity (flag or share, e.g. deal, feature ad): enters linearly; assumed absent (0) when unknown. */
    PROMOTION,
    /** Any other numeric driver: enters linearly; carried forward when unknown. */
    OTHER
}
