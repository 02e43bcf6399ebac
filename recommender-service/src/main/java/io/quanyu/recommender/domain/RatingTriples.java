package io.quanyu.recommender.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Explicit ratings as parallel arrays of dense user and item indexes, the training input of a {@link RatingPredictor}.
 * Indexes follow first appearance; {@link #userIndex(String)} is -1 for an id never seen, which predictors treat as
 * "unknown" and answer from biases alone.
 */
public record RatingTriples(int[] users, int[] items, double[] ratings, List<String> userIds, List<String> itemIds,
        Map<String, Integer> userIndexes, Map<String, Integer> itemIndexes, double min, double max) {

    public static RatingTriples of(List<RatingsFile.Rating> ratings) {
        if (ratings.isEmpty()) {
            throw new IllegalArgumentException("no ratings");
        }
        int n = ratings.size();
        int[] users = new int[n];
        int[] items = new int[n];
        double[] values = new double[n];
        List<String> userIds = new ArrayList<>();
        List<String> itemIds = new ArrayList<>();
        Map<String, Integer> userIndexes = new HashMap<>();
        Map<String, Integer> itemIndexes = new HashMap<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < n; p++) {
            RatingsFile.Rating r = ratings.get(p);
            users[p] = index(r.userId(), userIds, userIndexes);
            items[p] = index(r.itemId(), itemIds, itemIndexes);
            values[p] = r.rating();
            min = Math.min(min, r.rating());
            max = Math.max(max, r.rating());
        }
        // HashMap, not Map.copyOf: evaluation looks every test id up, and the immutable map's probing is slower.
        return new RatingTriples(users, items, values, List.copyOf(userIds), List.copyOf(itemIds),
                Collections.unmodifiableMap(userIndexes), Collections.unmodifiableMap(itemIndexes), min, max);
    }

    private static int index(String id, List<String> ids, Map<String, Integer> indexes) {
        return indexes.computeIfAbsent(id, x -> {
            ids.add(x);
            return ids.size() - 1;
        });
    }

    public int size() {
        return ratings.length;
    }

    public int userCount() {
        return userIds.size();
    }

    public int itemCount() {
        return itemIds.size();
    }

    public int userIndex(String userId) {
        return userIndexes.getOrDefault(userId, -1);
    }

    public int itemIndex(String itemId) {
        return itemIndexes.getOrDefault(itemId, -1);
    }

    public double mean() {
        double s = 0;
        for (double r : ratings) {
            s += r;
        }
        return s / ratings.length;
    }

    /** {@code x} limited to the rating scale seen in training: no prediction is ever off the scale. */
    public double clip(double x) {
        return Math.max(min, Math.min(max, x));
    }

    /** Compressed rows: for each user index u, its ratings' positions are {@code order[start[u] .. start[u + 1])}. */
    record Rows(int[] start, int[] order) {
    }

    Rows byUser() {
        return rows(users, userCount());
    }

    Rows byItem() {
        return rows(items, itemCount());
    }

    private Rows rows(int[] keys, int count) {
        int[] start = new int[count + 1];
        for (int k : keys) {
            start[k + 1]++;
        }
        for (int k = 0; k < count; k++) {
            start[k + 1] += start[k];
        }
        int[] fill = start.clone();
        int[] order = new int[keys.length];
        for (int p = 0; p < keys.length; p++) {
            order[fill[keys[p]]++] = p;
        }
        return new Rows(start, order);
    }
}
