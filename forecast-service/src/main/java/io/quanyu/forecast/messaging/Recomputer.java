package io.quanyu.forecast.messaging;

import io.quanyu.forecast.domain.Weeks;
import io.quanyu.events.InventoryAlert;
import io.quanyu.events.InventoryForecast;
import io.quanyu.forecast.config.ForecastServiceConfig;
import io.quanyu.forecast.domain.Forecaster;
import io.quanyu.forecast.domain.inventory.AbcClass;
import io.quanyu.forecast.domain.inventory.PolicyParameters;
import io.quanyu.forecast.domain.inventory.StockAlert;
import io.quanyu.forecast.store.DemandStore;
import io.quanyu.forecast.store.ForecastStore;
import io.quanyu.forecast.store.RecomputeQueue;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Drains the queue of changed SKUs every second or so: per SKU, forecasts for each store and all stores, policies and
 * alerts are computed, stored and published in one database transaction that commits only once the broker has the
 * records. A failed SKU stays queued and is retried when its claim runs out.
 */
@ApplicationScoped
public class Recomputer {

    private static final Logger LOG = Logger.getLogger(Recomputer.class);

    private final ForecastServiceConfig config;
    private final DemandStore demand;
    private final RecomputeQueue queue;
    private final ForecastStore forecasts;
    private final Publisher publisher;
    private final AbcClasses abc;
    private final ForecastMetrics metrics;
    private final Planner planner;
    private volatile boolean running = true;

    public Recomputer(ForecastServiceConfig config, DemandStore demand, RecomputeQueue queue, ForecastStore forecasts, Publisher publisher,
                      AbcClasses abc, ForecastMetrics metrics) {
        this.config = config;
        this.demand = demand;
        this.queue = queue;
        this.forecasts = forecasts;
        this.publisher = publisher;
        this.abc = abc;
        this.metrics = metrics;
        this.planner = new Planner(new Forecaster(), parameters(config.policy()), config.recompute().horizon(),
                config.alerts().minObservedWeeks());
    }

    /** Policy inputs per ABC class; invalid settings fail the start-up here rather than every recomputation. */
    static Map<AbcClass, PolicyParameters> parameters(ForecastServiceConfig.Policy p) {
        Map<AbcClass, PolicyParameters> out = new EnumMap<>(AbcClass.class);
        for (AbcClass c : AbcClass.values()) {
            double level = switch (c) {
                case A -> p.serviceLevelA().orElse(p.serviceLevel());
                case B -> p.serviceLevelB().orElse(p.serviceLevel());
                case C -> p.serviceLevelC().orElse(p.serviceLevel());
            };
            out.put(c, new PolicyParameters(level, p.leadTimeWeeks(), p.reviewPeriodWeeks(), p.orderingCost(), p.holdingCostPerWeek(),
                    p.minOrder(), p.maxOrder().orElse(Double.POSITIVE_INFINITY), p.overstockWeeks()));
        }
        return out;
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    @Scheduled(every = "${quanyu.forecast.recompute.every}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.recompute().enabled()) {
            return;
        }
        try {
            drain();
        } catch (Exception e) {
            LOG.warnf("reading the recomputation queue failed, trying again shortly: %s", e.toString());
        }
    }

    @Scheduled(every = "${quanyu.forecast.recompute.sweep-every}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (!config.recompute().enabled()) {
            return;
        }
        try {
            Instant now = Instant.now();
            int queued = queue.queueForecastsBefore(Weeks.weekOf(now), now);
            int pruned = demand.pruneApplied(now.minus(config.recompute().dedupRetention()));
            if (queued > 0 || pruned > 0) {
                LOG.infof("a week closed for %d SKUs, queued for recomputation; %d old purchase ids pruned", queued, pruned);
            }
        } catch (Exception e) {
            LOG.warnf("sweep failed, next time: %s", e.toString());
        }
    }

    /** Recomputes queued SKUs whose debounce has passed until none is left; returns how many succeeded. */
    public int drain() throws Exception {
        int done = 0;
        ForecastServiceConfig.Recompute rc = config.recompute();
        while (running) {
            Instant now = Instant.now();
            List<RecomputeQueue.Claimed> batch = queue.claim(rc.batch(), now, now.minus(rc.debounce()), now.plus(rc.claimTimeout()));
            if (batch.isEmpty()) {
                return done;
            }
            for (RecomputeQueue.Claimed c : batch) {
                if (running && recompute(c)) {
                    done++;
                }
            }
        }
        return done;
    }

    private boolean recompute(RecomputeQueue.Claimed claimed) {
        long t0 = System.nanoTime();
        String sku = claimed.sku();
        try {
            Instant now = Instant.now();
            LocalDate week = Weeks.weekOf(now);
            // The current week's rows come too: they are not history yet, but they show which stores sell the SKU.
            List<DemandStore.Week> weeks = demand.weeks(sku, week.minusWeeks(config.recompute().historyWeeks()), week.plusWeeks(1));
            Map<String, DemandStore.OnHand> counts = demand.counts(sku);
            AbcClass abcClass = abc.of(sku, now);
            List<Planner.Plan> plans = planner.plan(sku, weeks, counts, week, abcClass, now);
            List<InventoryAlert> changes = forecasts.inTransaction(c -> {
                List<InventoryAlert> out = new ArrayList<>();
                for (Planner.Plan p : plans) {
                    forecasts.save(c, p.forecast(), week);
                    forecasts.save(c, sku, p.store(), abcClass.name(), p.policy(), now);
                    if (!InventoryForecast.ALL_STORES.equals(p.store())) {
                        out.addAll(reconcile(c, sku, p, now));
                    }
                }
                // Inside the transaction: the stored state commits only once the broker has the records, so an alert is
                // never marked open without having been published.
                publisher.publish(plans.stream().map(Planner.Plan::forecast).toList(), out);
                return out;
            });
            queue.done(claimed);
            metrics.published(plans.size());
            changes.forEach(a -> metrics.alert(a.type(), a.status()));
            metrics.recomputed(Duration.between(claimed.firstTouchedAt(), Instant.now()), Duration.ofNanos(System.nanoTime() - t0));
            return true;
        } catch (Exception e) {
            metrics.failed();
            LOG.warnf("recomputing %s failed, retried in %s: %s", sku, config.recompute().claimTimeout(), e.toString());
            return false;
        }
    }

    /** Opens the plan's alerts that are not open yet and resolves open ones that no longer hold; returns what to publish. */
    private List<InventoryAlert> reconcile(Connection c, String sku, Planner.Plan plan, Instant now) throws Exception {
        List<InventoryAlert> out = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (StockAlert a : plan.alerts()) {
            String type = a.type().name().toLowerCase(Locale.ROOT);
            types.add(type);
            var row = new ForecastStore.AlertRow(sku, plan.store(), type, a.position(), Planner.round(a.threshold()),
                    Planner.round(a.suggestedOrder()), a.message(), now, now);
            if (forecasts.open(c, row)) {
                out.add(row.published(InventoryAlert.OPEN, now));
            }
        }
        for (ForecastStore.AlertRow gone : forecasts.resolveOthers(c, sku, plan.store(), types)) {
            out.add(gone.published(InventoryAlert.RESOLVED, now));
        }
        return out;
    }
}
