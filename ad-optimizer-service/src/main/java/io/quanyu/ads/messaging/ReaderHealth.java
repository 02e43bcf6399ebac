package io.quanyu.ads.messaging;

import io.quanyu.support.ReaderReadiness;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the events reader: DOWN while it cannot store counters and credits (the database is away). */
@Readiness
@Singleton
public class ReaderHealth extends ReaderReadiness {

    public ReaderHealth(EventReader reader) {
        super("Ads event reader", reader::failing);
    }
}
