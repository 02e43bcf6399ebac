package io.quanyu.forecast.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the forecast service, under {@code quanyu.forecast}. */
@ConfigMapping(prefix = "quanyu.forecast")
public interface ForecastServiceConfig {

    /** Consumer group of the events.v1 reader. */
    @WithDefault("quanyu-forecast")
    String groupId();

    /** Whether this instance reads events.v1 (an instance can serve from the database only). */
    @WithDefault("true")
    boolean consume();

    /** Recomputing forecasts, policies and alerts of the SKUs whose history changed. */
    Recompute recompute();

    /** The replenishment policy per SKU and store. */
    Policy policy();

    /** When alerts are raised. */
    Alerts alerts();

    /** POST /v1/routes/optimize. */
    Routes routes();

    /** Settings of the recomputation. */
    interface Recompute {

        /** Whether this instance takes part in recomputing (any instance may take any queued SKU). */
        @WithDefault("true")
        boolean enabled();

        /** How often the queue of changed SKUs is drained. */
        @WithDefault("1s")
        String every();

        /** How long after a SKU's first change it waits, so that a burst of events costs one recomputation. */
        @WithDefault("300ms")
        Duration debounce();

        /** SKUs claimed per round trip to the queue. */
        @WithDefault("20")
        int batch();

        /** How long a claimed SKU is left to its instance before another retries it (also the back-off after a failure). */
        @WithDefault("30s")
        Duration claimTimeout();

        /** Weeks ahead that are stored and published: the longest horizon GET /v1/forecasts serves. */
        @WithDefault("26")
        int horizon();

        /** Most recent complete weeks of history the models see (bounds the cost of a recomputation). */
        @WithDefault("156")
        int historyWeeks();

        /** How often SKUs whose forecasts were made in an earlier week are queued again, and old deduplication ids pruned. */
        @WithDefault("10m")
        String sweepEvery();

        /** How long ids of applied purchases are kept to drop redeliveries (longer than events.v1's 30-day retention). */
        @WithDefault("45d")
        Duration dedupRetention();
    }

    /** Inputs of InventoryPolicy, in units and weeks. */
    interface Policy {

        /** Target cycle service level of every ABC class without its own. */
        @WithDefault("0.95")
        double serviceLevel();

        /** Service level of A items (most revenue), when it differs. */
        Optional<Double> serviceLevelA();

        /** Service level of B items, when it differs. */
        Optional<Double> serviceLevelB();

        /** Service level of C items, when it differs. */
        Optional<Double> serviceLevelC();

        /** Weeks from placing an order to its arrival. */
        @WithDefault("1")
        int leadTimeWeeks();

        /** Weeks between stock reviews. */
        @WithDefault("1")
        int reviewPeriodWeeks();

        /** Fixed cost per order (0 = order exactly what is needed at each review). */
        @WithDefault("0")
        double orderingCost();

        /** Cost of holding one unit for one week. */
        @WithDefault("0.01")
        double holdingCostPerWeek();

        /** Smallest order quantity (a case, a supplier minimum). */
        @WithDefault("0")
        double minOrder();

        /** Largest order quantity (shelf or truck capacity); none when unset. */
        Optional<Double> maxOrder();

        /** Weeks of expected demand above the reorder point beyond which stock is excess. */
        @WithDefault("8")
        double overstockWeeks();

        /** Weeks of revenue that rank SKUs into A, B and C. */
        @WithDefault("52")
        int abcWeeks();

        /** How long an ABC classification is reused before it is computed again. */
        @WithDefault("60s")
        Duration abcRefresh();
    }

    /** Settings of the stock alerts. */
    interface Alerts {

        /** Fewest weeks with sales before a SKU at a store raises alerts: a forecast from less is a guess. */
        @WithDefault("4")
        int minObservedWeeks();
    }

    /** Settings of the route optimizer endpoint. */
    interface Routes {

        /**
         * Most stops one request may carry; more get 413. The distance matrix and the savings list grow with the square
         * of the stops (about 25 MB at 1,000 stops, 100 MB at 2,000), so this bounds the memory an optimization takes.
         */
        @WithDefault("1000")
        int maxStops();

        /** Longest id of a stop, in characters (ids come back in the answer). */
        @WithDefault("128")
        int maxIdChars();

        /**
         * How long one optimization may improve its plan; when it runs out the best plan found so far is answered, marked
         * {@code complete: false}. Only the improvement is cut: checking, distances and the baseline always finish.
         */
        @WithDefault("2s")
        Duration timeBudget();

        /** Optimizations running at once; more wait up to 5 s, then get 503. */
        @WithDefault("2")
        int concurrency();
    }
}
