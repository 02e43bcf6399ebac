package io.quanyu.forecast.domain.route;

/** A location: planar coordinates, or longitude (x) and latitude (y) in degrees for great-circle distances. */
public record Point(double x, double y) {

    public Point {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("coordinates must be finite");
        }
    }
}
