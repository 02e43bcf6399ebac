package io.quanyu.forecast.domain.route;

import java.util.List;

/** One vehicle's tour: it leaves the depot, visits the stops in order and returns. */
public record Route(List<String> stopIds, double load, double distance) {

    public Route {
        stopIds = List.copyOf(stopIds);
    }
}
