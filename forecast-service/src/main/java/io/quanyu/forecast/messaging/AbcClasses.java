package io.quanyu.forecast.messaging;

import io.quanyu.forecast.domain.Weeks;
import io.quanyu.forecast.config.ForecastServiceConfig;
import io.quanyu.forecast.domain.inventory.Abc;
import io.quanyu.forecast.domain.inventory.AbcClass;
import io.quanyu.forecast.domain.inventory.AbcItem;
import io.quanyu.forecast.store.DemandStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * ABC classes of every SKU by revenue over the recent weeks, across stores. Ranking needs every SKU's revenue, so the
 * classification is reused for a while; a SKU that first sold since is C until the next one.
 */
@ApplicationScoped
public class AbcClasses {

    private final ForecastServiceConfig config;
    private final DemandStore store;
    private Map<String, AbcClass> classes = Map.of();
    private Instant computedAt = Instant.EPOCH;

    public AbcClasses(ForecastServiceConfig config, DemandStore store) {
        this.config = config;
        this.store = store;
    }

    public synchronized AbcClass of(String sku, Instant now) throws SQLException {
        if (computedAt.plus(config.policy().abcRefresh()).isBefore(now)) {
            Map<String, AbcClass> fresh = new HashMap<>();
            for (AbcItem item : Abc.classify(store.revenueBySku(Weeks.weekOf(now).minusWeeks(config.policy().abcWeeks())))) {
                fresh.put(item.key(), item.abcClass());
            }
            classes = fresh;
            computedAt = now;
        }
        return classes.getOrDefault(sku, AbcClass.C);
    }
}
