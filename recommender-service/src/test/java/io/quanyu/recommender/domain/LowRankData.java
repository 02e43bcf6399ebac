package io.quanyu.recommender.domain;

import java.util.SplittableRandom;

/** A synthetic rank-4 taste matrix with one held-out like per user, for the matrix factorisation tests. */
final class LowRankData {

    static final int USERS = 200;
    static final int ITEMS = 120;
    static final int GROUPS = 4;

    final Interactions train;
    final int[] heldOut;

    // Users and items fall in 4 groups; users like items of their own group with probability 0.4 and others with
    // 0.02. Near the ceiling a model's held-out AUC is about 0.91: in-group items the user did not like also rank high.
    LowRankData(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        heldOut = new int[USERS];
        InteractionsBuilder b = Interactions.builder();
        for (int i = 0; i < ITEMS; i++) {
            b.item("i" + i);
        }
        for (int u = 0; u < USERS; u++) {
            int g = u % GROUPS;
            java.util.List<Integer> liked = new java.util.ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                if (rnd.nextDouble() < (i % GROUPS == g ? 0.4 : 0.02)) {
                    liked.add(i);
                }
            }
            // Hold out a random in-group like (item index == i: every item was registered in order).
            java.util.List<Integer> inGroup = liked.stream().filter(i -> i % GROUPS == g).toList();
            heldOut[u] = inGroup.isEmpty() ? -1 : inGroup.get(rnd.nextInt(inGroup.size()));
            for (int i : liked) {
                if (i != heldOut[u]) {
                    b.add("u" + u, "i" + i, 1, Fixtures.T0);
                }
            }
            b.user("u" + u);
        }
        train = b.build();
    }

    /** Mean over users of P(score(held-out) > score(random untouched item)), ties counting half. */
    double heldOutAuc(Evaluation.UserScores scores, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double sum = 0;
        int n = 0;
        double[] s = new double[ITEMS];
        for (int u = 0; u < USERS; u++) {
            int user = train.userIndex("u" + u);
            if (heldOut[u] < 0 || user < 0) {
                continue;
            }
            scores.score(user, s);
            for (int t = 0; t < 20; t++) {
                int j = rnd.nextInt(ITEMS);
                if (j == heldOut[u] || train.contains(user, j)) {
                    continue;
                }
                sum += s[heldOut[u]] > s[j] ? 1 : s[heldOut[u]] == s[j] ? 0.5 : 0;
                n++;
            }
        }
        return sum / n;
    }
}
