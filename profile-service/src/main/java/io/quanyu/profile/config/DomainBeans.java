package io.quanyu.profile.config;

import io.quanyu.profile.domain.PortraitUpdater;
import io.quanyu.profile.messaging.Catalog;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the plain-Java domain objects from configuration. */
public class DomainBeans {

    @Produces
    @Singleton
    PortraitUpdater updater(ProfileConfig config, Catalog catalog) {
        return new PortraitUpdater(config.interestHalfLife(), catalog::get);
    }
}
