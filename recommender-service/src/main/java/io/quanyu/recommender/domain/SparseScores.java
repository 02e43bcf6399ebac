package io.quanyu.recommender.domain;

/**
 * A reusable score vector over indices that remembers which entries it set, so reading the non-zeros and clearing
 * cost what a request touched rather than the catalog's size.
 */
public final class SparseScores {

    /**
     * Entry i is {@code slots[2i]} (the epoch it was last set in) next to {@code slots[2i + 1]} (its value): one cache
     * line per random access instead of one per array, and a clear that only moves the epoch on.
     */
    private final double[] slots;
    private final int[] touched;
    private double epoch = 1;
    private int size;

    public SparseScores(int capacity) {
        slots = new double[2 * capacity];
        touched = new int[capacity];
    }

    public int capacity() {
        return touched.length;
    }

    public void add(int i, double v) {
        int at = i << 1;
        if (slots[at] != epoch) {
            slots[at] = epoch;
            slots[at + 1] = v;
            touched[size++] = i;
        } else {
            slots[at + 1] += v;
        }
    }

    /** The accumulated value; 0 for an index never added to. */
    public double get(int i) {
        int at = i << 1;
        return slots[at] == epoch ? slots[at + 1] : 0;
    }

    public boolean contains(int i) {
        return slots[i << 1] == epoch;
    }

    /** How many indices were added to. */
    public int size() {
        return size;
    }

    /** The k-th index added (0 ≤ k < size), in order of first addition. */
    public int index(int k) {
        return touched[k];
    }

    public void clear() {
        // A double counts whole numbers exactly up to 2^53: no wrap-around in any process's lifetime.
        epoch++;
        size = 0;
    }
}
