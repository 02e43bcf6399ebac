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

    /** Whether the model can say anything useful about this history (enough data, the right demand pattern). */
    default boolean applicable(History history) {
        return history.observedCount() >= 1;
    }
}
