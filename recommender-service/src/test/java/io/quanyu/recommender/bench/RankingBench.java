package io.quanyu.recommender.bench;

import io.quanyu.events.EventType;
import io.quanyu.events.Product;
import io.quanyu.recommender.domain.EventWeights;
import io.quanyu.recommender.domain.History;
import io.quanyu.recommender.domain.Interactions;
import io.quanyu.recommender.domain.InteractionsBuilder;
import io.quanyu.recommender.domain.RecommendationRequest;
import io.quanyu.recommender.messaging.Models;
import io.quanyu.recommender.store.InteractionStore;
import io.quanyu.testkit.bench.Machine;
import io.quanyu.testkit.bench.Stats;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./quanyu bench recommender-ranking [items] [users] [requests]}: the CPU cost of one top-10 ranking, in
 * process, on the models the service trains over the same synthetic shop as {@code recommender-serving}, without
 * HTTP, database or broker. It isolates the part of a request the domain owns, so a change to the ranking can be
 * judged in a minute rather than through the whole stack's noise.
 */
public final class RankingBench {

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        System.out.println("machine: " + Machine.describe());
        SyntheticShop shop = new SyntheticShop(items, 200, users, 20, 7);
        long start = System.nanoTime();
        Map<String, InteractionStore.Item> catalog = new HashMap<>();
        InteractionsBuilder builder = Interactions.builder();
        for (Product p : shop.products()) {
            catalog.put(p.productId(), new InteractionStore.Item(p.productId(), p.title(), p.description(), p.category(), p.brand(), true));
            builder.item(p.productId());
        }
        EventWeights weights = EventWeights.ecommerceDefaults();
        shop.interactions((u, k, item, at, purchase) -> weights.event(SyntheticShop.userKey(u), SyntheticShop.itemId(item),
                (purchase ? EventType.PURCHASE : EventType.PRODUCT_VIEW).wire(), 0, at).ifPresent(builder::add));
        Interactions train = builder.build();
        Models.Fitted fitted = Models.fit(train, catalog);
        System.out.printf("synthetic shop: %,d products, %,d customers, %,d cells; fitted in %.0f s%n", train.itemCount(), train.userCount(),
                train.size(), (System.nanoTime() - start) / 1e9);

        // As the service asks: the customer's history as a live one (their id named), 10% unknown keys (the fallback).
        RecommendationRequest top10 = RecommendationRequest.top(10);
        SplittableRandom random = new SplittableRandom(11);
        for (int r = 0; r < requests; r++) { // warm-up: the JIT and the pooled workspaces
            rank(fitted, train, top10, random);
        }
        // Rounds, reported with their median: this machine's neighbours come and go within a minute.
        int rounds = 5;
        double[] means = new double[rounds];
        double[] p99s = new double[rounds];
        double[] micros = new double[requests];
        for (int round = 0; round < rounds; round++) {
            for (int r = 0; r < requests; r++) {
                long t0 = System.nanoTime();
                rank(fitted, train, top10, random);
                micros[r] = (System.nanoTime() - t0) / 1e3;
            }
            means[round] = java.util.Arrays.stream(micros).average().orElse(0);
            p99s[round] = Stats.quantile(micros, 0.99);
            System.out.printf("round %d, one thread, %,d rankings: p50 %.0f µs, p90 %.0f µs, p99 %.0f µs, mean %.0f µs%n", round + 1, requests,
                    Stats.median(micros), Stats.quantile(micros, 0.9), p99s[round], means[round]);
        }
        System.out.printf("RANKING one thread: median of %d rounds: mean %.0f µs, p99 %.0f µs%n", rounds, Stats.median(means), Stats.median(p99s));

        int threads = Runtime.getRuntime().availableProcessors();
        AtomicLong done = new AtomicLong();
        long until = System.nanoTime() + 10_000_000_000L;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            SplittableRandom own = random.split();
            workers[t] = Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < until) {
                    rank(fitted, train, top10, own);
                    done.incrementAndGet();
                }
            });
        }
        for (Thread w : workers) {
            w.join();
        }
        System.out.printf("RANKING %d threads for 10 s: %,.0f rankings/s%n", threads, done.get() / 10.0);
    }

    private static int rank(Models.Fitted fitted, Interactions train, RecommendationRequest request, SplittableRandom random) {
        if (random.nextDouble() < 0.1) {
            return fitted.hybrid().recommend(History.EMPTY, null, request).size();
        }
        int u = train.userIndex(SyntheticShop.userKey(random.nextInt(train.userCount())));
        return fitted.hybrid().recommend(train.history(u), train.userId(u), request).size();
    }
}
