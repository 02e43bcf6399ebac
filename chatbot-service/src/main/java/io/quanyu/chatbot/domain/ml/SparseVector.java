package io.quanyu.chatbot.domain.ml;

/** A sparse feature vector: parallel arrays of feature indices and values. */
public record SparseVector(int[] indices, float[] values) {

    public static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

    public SparseVector {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length");
        }
    }

    public int size() {
        return indices.length;
    }

    public double squaredNorm() {
        double s = 0;
        for (float v : values) {
            s += (double) v * v;
        }
        return s;
    }

    /** This vector followed by a dense block starting at index offset, every dense value times weight. */
    public SparseVector withDense(float[] dense, int offset, float weight) {
        int n = indices.length;
        int[] idx = java.util.Arrays.copyOf(indices, n + dense.length);
        float[] val = java.util.Arrays.copyOf(values, n + dense.length);
        for (int j = 0; j < dense.length; j++) {
            idx[n + j] = offset + j;
            val[n + j] = dense[j] * weight;
        }
        return new SparseVector(idx, val);
    }
}
