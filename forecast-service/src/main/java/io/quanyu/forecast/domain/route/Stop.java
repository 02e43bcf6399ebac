package io.quanyu.forecast.domain.route;

import java.util.Objects;

/** A delivery stop: where it is and how much it receives (in the vehicle capacity's unit). */
public record Stop(String id, Point location, double demand) {

    public Stop {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        if (!(demand >= 0) || Double.isInfinite(demand)) {
            throw new IllegalArgumentException("demand of stop " + id + " must be finite and >= 0");
        }
    }
}
