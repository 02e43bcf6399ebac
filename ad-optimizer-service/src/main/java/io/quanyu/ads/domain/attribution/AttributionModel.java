package io.quanyu.ads.domain.attribution;

/** How a purchase's credit is shared among the clicks that preceded it within the window. */
public enum AttributionModel {
    /** All of the conversion and revenue goes to the most recent eligible click. */
    LAST_TOUCH,
    /** Every eligible click gets an equal share (a campaign clicked twice gets two shares). */
    LINEAR
}
