package io.quanyu.recommender.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** Bounded selection of the n best (index, score) pairs; ties go to the lower index, NaN is never selected. */
public final class TopN {

    private final int capacity;
    private final int[] ids;
    private final double[] scores;
    private int size;

    public TopN(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0: " + capacity);
        }
        this.capacity = capacity;
        this.ids = new int[capacity];
        this.scores = new double[capacity];
    }

    /** The n highest entries of {@code scores} whose index {@code exclude} rejects not, best first. */
    public static List<ScoredItem> of(double[] scores, int n, IntPredicate exclude) {
        TopN top = new TopN(Math.min(Math.max(n, 0), scores.length));
        for (int i = 0; i < scores.length; i++) {
            if (exclude == null || !exclude.test(i)) {
                top.offer(i, scores[i]);
            }
        }
        return top.sorted();
    }

    public int size() {
        return size;
    }

    /** Offers a candidate; kept if the heap is not full or it beats the current worst. */
    public void offer(int id, double score) {
        if (capacity == 0 || Double.isNaN(score)) {
            return;
        }
        if (size < capacity) {
            ids[size] = id;
            scores[size] = score;
            siftUp(size++);
        } else if (better(id, score, ids[0], scores[0])) {
            ids[0] = id;
            scores[0] = score;
            siftDown(0);
        }
    }

    /** The kept entries, best first; the heap is emptied. */
    public List<ScoredItem> sorted() {
        ScoredItem[] out = new ScoredItem[size];
        for (int k = size - 1; k >= 0; k--) {
            out[k] = new ScoredItem(ids[0], scores[0]);
            size--;
            if (size > 0) {
                ids[0] = ids[size];
                scores[0] = scores[size];
                siftDown(0);
            }
        }
        return new ArrayList<>(List.of(out));
    }

    private static boolean better(int idA, double a, int idB, double b) {
        return a > b || (a == b && idA < idB);
    }

    private void siftUp(int k) {
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (!better(ids[parent], scores[parent], ids[k], scores[k])) {
                return;
            }
            swap(k, parent);
            k = parent;
        }
    }

    private void siftDown(int k) {
        while (true) {
            int left = 2 * k + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && better(ids[worst], scores[worst], ids[right], scores[right])) {
                worst = right;
            }
            if (!better(ids[k], scores[k], ids[worst], scores[worst])) {
                return;
            }
            swap(k, worst);
            k = worst;
        }
    }

    private void swap(int a, int b) {
        int id = ids[a];
        ids[a] = ids[b];
        ids[b] = id;
        double s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
    }
}
