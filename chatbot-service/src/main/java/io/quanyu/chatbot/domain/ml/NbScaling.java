package io.quanyu.chatbot.domain.ml;

import java.util.List;

/**
 * Naive-Bayes feature scaling (after Wang and Manning's NB-SVM): every feature is multiplied by how strongly
 * its presence separates one class from the rest, |log p(f|class) / p(f|rest)| at the class where that is
 * largest, which lets the SVM start from Bayes' evidence instead of raw frequency.
 */
final class NbScaling {

    private NbScaling() {
    }

    static float[] fit(List<SparseVector> x, int[] y, int classes, int dimension, double alpha) {
        double[][] counts = new double[classes][dimension];
        double[] all = new double[dimension];
        double[] totals = new double[classes];
        for (int i = 0; i < x.size(); i++) {
            int[] idx = x.get(i).indices();
            for (int j : idx) {
                if (j < dimension) {
                    counts[y[i]][j] += 1;
                    all[j] += 1;
                }
            }
            totals[y[i]] += idx.length;
        }
        double grand = 0;
        for (double t : totals) {
            grand += t;
        }
        float[] scale = new float[dimension];
        for (int k = 0; k < classes; k++) {
            double in = totals[k] + alpha * dimension;
            double out = grand - totals[k] + alpha * dimension;
            for (int j = 0; j < dimension; j++) {
                double r = Math.abs(Math.log(((counts[k][j] + alpha) / in) / ((all[j] - counts[k][j] + alpha) / out)));
                if (r > scale[j]) {
                    scale[j] = (float) r;
                }
            }
            if (classes == 2) {
                break;
            }
        }
        return scale;
    }

    static SparseVector apply(SparseVector v, float[] scale) {
        int[] idx = v.indices();
        float[] val = v.values().clone();
        double norm = 0;
        for (int k = 0; k < idx.length; k++) {
            if (idx[k] < scale.length) {
                val[k] *= scale[idx[k]];
                norm += (double) val[k] * val[k];
            }
        }
        float s = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
        for (int k = 0; k < idx.length; k++) {
            if (idx[k] < scale.length) {
                val[k] *= s;
            }
        }
        return new SparseVector(idx, val);
    }
}
