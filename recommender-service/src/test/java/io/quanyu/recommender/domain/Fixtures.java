package io.quanyu.recommender.domain;

import java.time.Instant;

/** Tiny hand-made matrices for the unit tests. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private Fixtures() {
    }

    /** Builds "user:item user:item ..." pairs with weight 1, one second apart. */
    static Interactions pairs(String... cells) {
        InteractionsBuilder b = Interactions.builder();
        int t = 0;
        for (String c : cells) {
            String[] f = c.split(":");
            b.add(f[0], f[1], 1, T0.plusSeconds(t++));
        }
        return b.build();
    }

    static int item(Interactions data, String id) {
        int i = data.itemIndex(id);
        if (i < 0) {
            throw new IllegalArgumentException("no item " + id);
        }
        return i;
    }
}
