package io.quanyu.ingestion.config;

import io.quanyu.ingestion.domain.Normalizer;
import io.quanyu.ingestion.domain.PiiScrubber;
import io.quanyu.ingestion.domain.TimeBounds;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/** Builds the plain-Java domain objects from configuration, so the domain package stays free of Quarkus. */
public class DomainBeans {

    @Produces
    @Singleton
    Normalizer normalizer(IngestionConfig config) {
        Map<String, ZoneId> stores = KeyValues.parse(config.storeZones().orElse(""), "quanyu.ingestion.store-zones")
                .entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> ZoneId.of(e.getValue())));
        return new Normalizer(Normalizer.standardAdapters(), new PiiScrubber(config.piiSecret()), config.maxMessageBytes(),
                ZoneId.of(config.defaultZone()), stores::get,
                new TimeBounds(config.maxClockAhead(), Instant.parse(config.earliestEventTime())));
    }
}
