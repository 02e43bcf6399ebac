package io.quanyu.ads.domain.allocation;

/**
 * A fitted response curve and how far to trust it.
 *
 * @param curve              the fitted curve
 * @param points             periods with positive spend used
 * @param meanAbsoluteError  mean |revenue − curve(spend)| over those periods
 * @param identified         false when spend hardly varied (or there were fewer than 3 points): the data then say
 *                           nothing about saturation and the curvature is an assumption (see the fitter)
 */
public record CurveFit(ExponentialCurve curve, int points, double meanAbsoluteError, boolean identified) {
}
