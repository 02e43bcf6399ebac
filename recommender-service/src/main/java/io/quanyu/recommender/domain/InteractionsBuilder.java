package io.quanyu.recommender.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Collects events (and optionally catalog items or users without events) and builds an {@link Interactions}. */
public final class InteractionsBuilder {
    private final List<String> userIds = new ArrayList<>();
    private final Map<String, Integer> userIndex = new HashMap<>();
    private final List<String> itemIds = new ArrayList<>();
    private final Map<String, Integer> itemIndex = new HashMap<>();
    private int[] us = new int[1024];
    private int[] is = new int[1024];
    private double[] ws = new double[1024];
    private long[] ts = new long[1024];
    private int n;

    InteractionsBuilder() {
    }

    /** Registers a user without events; indexes follow first appearance. */
    public InteractionsBuilder user(String userId) {
        intern(userId, userIds, userIndex);
        return this;
    }

    /** Registers a catalog item without events, e.g. a new product that content-based scoring can still reach. */
    public InteractionsBuilder item(String itemId) {
        intern(itemId, itemIds, itemIndex);
        return this;
    }

    public InteractionsBuilder add(String userId, String itemId, double weight, Instant time) {
        return add(new Interactions.Event(userId, itemId, weight, time));
    }

    public InteractionsBuilder add(Interactions.Event e) {
        if (n == us.length) {
            int cap = n * 2;
            us = Arrays.copyOf(us, cap);
            is = Arrays.copyOf(is, cap);
            ws = Arrays.copyOf(ws, cap);
            ts = Arrays.copyOf(ts, cap);
        }
        us[n] = intern(e.userId(), userIds, userIndex);
        is[n] = intern(e.itemId(), itemIds, itemIndex);
        ws[n] = e.weight();
        ts[n++] = e.time().getEpochSecond();
        return this;
    }

    public Interactions build() {
        int nUsers = userIds.size();
        // Bucket events by user, then sort each bucket by item (event index packed into the low bits).
        int[] start = new int[nUsers + 1];
        for (int k = 0; k < n; k++) {
            start[us[k] + 1]++;
        }
        for (int u = 0; u < nUsers; u++) {
            start[u + 1] += start[u];
        }
        long[] keys = new long[n];
        int[] fill = Arrays.copyOf(start, nUsers);
        for (int k = 0; k < n; k++) {
            keys[fill[us[k]]++] = ((long) is[k] << 32) | k;
        }
        int[] ptr = new int[nUsers + 1];
        int[] items = new int[n];
        float[] weights = new float[n];
        long[] times = new long[n];
        int out = 0;
        for (int u = 0; u < nUsers; u++) {
            Arrays.sort(keys, start[u], start[u + 1]);
            int p = start[u];
            while (p < start[u + 1]) {
                int item = (int) (keys[p] >>> 32);
                double w = 0;
                long t = Long.MIN_VALUE;
                for (; p < start[u + 1] && (int) (keys[p] >>> 32) == item; p++) {
                    int k = (int) keys[p];
                    w += ws[k];
                    t = Math.max(t, ts[k]);
                }
                if (w > 0) {
                    items[out] = item;
                    weights[out] = (float) w;
                    times[out++] = t;
                }
            }
            ptr[u + 1] = out;
        }
        return new Interactions(new Interactions.Ids(List.copyOf(userIds), Map.copyOf(userIndex)),
                new Interactions.Ids(List.copyOf(itemIds), Map.copyOf(itemIndex)), ptr, Arrays.copyOf(items, out),
                Arrays.copyOf(weights, out), Arrays.copyOf(times, out));
    }

    private static int intern(String id, List<String> ids, Map<String, Integer> index) {
        Objects.requireNonNull(id, "id");
        Integer i = index.get(id);
        if (i == null) {
            i = ids.size();
            ids.add(id);
            index.put(id, i);
        }
        return i;
    }
}
