package io.quanyu.recommender.domain;

/**
 * A reusable score vector over indices that remembers which entries it set, so reading the non-zeros and clearing
 * cost what a request touched rather than the catalog's size.
 */
public final class SparseScores {

    private final double[] value;
    private final boolean[] set;
    private final int[] touched;
    private int size;

    public SparseScores(int capacity) {
        value = new double[capacity];
        set = new boolean[capacity];
        touched = new int[capacity];
    }

    public int capacity() {
        return value.length;
    }

    public void add(int i, double v) {
        if (!set[i]) {
            set[i] = true;
            touched[size++] = i;
        }
        value[i] += v;
    }

    /** The accumulated value; 0 for an index never added to. */
    public double get(int i) {
        return value[i];
    }

    public boolean contains(int i) {
        return set[i];
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
        for (int k = 0; k < size; k++) {
            int i = touched[k];
            value[i] = 0;
            set[i] = false;
        }
        size = 0;
    }
}
