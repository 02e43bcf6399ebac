package io.quanyu.forecast.domain.model;

import io.quanyu.forecast.domain.History;

/** A forecasting method: fits itself to a history at a forecast origin and returns point forecasts. */
public interface ForecastModel {

    /** Short stable name, used in selections, reports and the API. */
    String name();

    /**
     * Point forecasts of demand for the {@code horizon} periods after the history. Implementations may return NaN or
     * negative values on degenerate input; {@link Models#sanitized} turns those into usable forecasts.
     */
    double[] forecast(History history, int horizon);

    /**
     * Whether every forecast is a weighted average of observed weeks (naive, seasonal naive, moving average, SES): such
     * a model cannot leave the range of its history, so the selection falls back to the best of them when a richer
     * model misses catastrophically at one origin.
     */
    default boolean simple() {
        return false;
    }

    /** Whether the model can say anything useful about this history (enough data, the right demand pattern). */
    default boolean applicable(History history) {
        return history.observedCount() >= 1;
    }
}
