package io.quanyu.forecast.domain.route;

/** How the distance between two points is measured. */
public enum Metric {
    /** Straight line in the plane, in the coordinates' unit. */
    EUCLIDEAN {
        @Override
        public double distance(Point a, Point b) {
            return Math.hypot(a.x() - b.x(), a.y() - b.y());
        }
    },
    /** Great-circle distance in kilometres; x = longitude, y = latitude in degrees. */
    HAVERSINE_KM {
        @Override
        public double distance(Point a, Point b) {
            double lat1 = Math.toRadians(a.y());
            double lat2 = Math.toRadians(b.y());
            double dLat = lat2 - lat1;
            double dLon = Math.toRadians(b.x() - a.x());
            double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                    + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
            return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
        }
    };

    public abstract double distance(Point a, Point b);
}
