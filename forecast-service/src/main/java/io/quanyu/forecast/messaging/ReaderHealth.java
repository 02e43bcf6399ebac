package io.quanyu.forecast.messaging;

import io.quanyu.support.ReaderReadiness;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the events reader: DOWN while it cannot store the demand history (the database is away) or has stopped. */
@Readiness
@Singleton
public class ReaderHealth extends ReaderReadiness {

    public ReaderHealth(EventReader reader) {
        super("Forecast event reader", reader::failing);
    }
}
