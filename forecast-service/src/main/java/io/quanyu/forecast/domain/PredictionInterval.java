package io.quanyu.forecast.domain;

/** A central prediction interval: demand falls in [lower, upper] with probability {@code level}. */
public record PredictionInterval(double level, double lower, double upper) {
}
