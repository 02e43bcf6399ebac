package io.quanyu.chatbot.domain.ml;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * One-vs-rest L2-regularised squared-hinge linear SVM, trained by dual coordinate descent (the LIBLINEAR
 * method: a few passes over sparse data, no learning rate to tune). Scores are margins; TemperatureScaling
 * turns them into probabilities.
 */
public final class LinearSvm {

    private final float[][] weights;
    private final float[] bias;

    private LinearSvm(float[][] weights, float[] bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /** Trains classes 0..classes-1; binary problems (2 classes) train one separator and mirror it. */
    public static LinearSvm train(List<SparseVector> x, int[] y, int classes, int dimension, double c, int maxPasses, long seed) {
        int models = classes == 2 ? 1 : classes;
        float[][] w = new float[classes][];
        float[] b = new float[classes];
        IntStream.range(0, models).parallel().forEach(k -> {
            double[] wk = new double[dimension];
            double bk = trainOne(x, y, k == 0 && classes == 2 ? 1 : k, wk, c, maxPasses, seed + k);
            w[k == 0 && classes == 2 ? 1 : k] = toFloat(wk);
            b[k == 0 && classes == 2 ? 1 : k] = (float) bk;
        });
        if (classes == 2) {
            w[0] = w[1].clone();
            for (int j = 0; j < w[0].length; j++) {
                w[0][j] = -w[0][j];
            }
            b[0] = -b[1];
        }
        return new LinearSvm(w, b);
    }

    /** Returns the bias; fills w. */
    private static double trainOne(List<SparseVector> x, int[] y, int positive, double[] w, double c, int maxPasses, long seed) {
        int n = x.size();
        double diag = 1.0 / (2 * c);
        double[] alpha = new double[n];
        double[] qd = new double[n];
        byte[] sign = new byte[n];
        for (int i = 0; i < n; i++) {
            qd[i] = x.get(i).squaredNorm() + 1.0 + diag;
            sign[i] = (byte) (y[i] == positive ? 1 : -1);
        }
        int[] order = IntStream.range(0, n).toArray();
        Random random = new Random(seed);
        double b = 0;
        for (int pass = 0; pass < maxPasses; pass++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double maxPg = Double.NEGATIVE_INFINITY;
            double minPg = Double.POSITIVE_INFINITY;
            for (int i : order) {
                SparseVector xi = x.get(i);
                int[] idx = xi.indices();
                float[] val = xi.values();
                double dot = b;
                for (int k = 0; k < idx.length; k++) {
                    dot += w[idx[k]] * val[k];
                }
                double g = sign[i] * dot - 1 + alpha[i] * diag;
                double pg = alpha[i] == 0 ? Math.min(g, 0) : g;
                maxPg = Math.max(maxPg, pg);
                minPg = Math.min(minPg, pg);
                if (Math.abs(pg) > 1e-12) {
                    double old = alpha[i];
                    alpha[i] = Math.max(old - g / qd[i], 0);
                    double d = (alpha[i] - old) * sign[i];
                    for (int k = 0; k < idx.length; k++) {
                        w[idx[k]] += d * val[k];
                    }
                    b += d;
                }
            }
            if (maxPg - minPg < 0.1) {
                break;
            }
        }
        return b;
    }

    /** Margins of every class. */
    public double[] scores(SparseVector v) {
        double[] s = new double[weights.length];
        int[] idx = v.indices();
        float[] val = v.values();
        for (int k = 0; k < weights.length; k++) {
            float[] w = weights[k];
            double dot = bias[k];
            for (int j = 0; j < idx.length; j++) {
                if (idx[j] < w.length) {
                    dot += w[idx[j]] * val[j];
                }
            }
            s[k] = dot;
        }
        return s;
    }

    public int classes() {
        return weights.length;
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(weights.length);
        out.writeInt(weights[0].length);
        for (int k = 0; k < weights.length; k++) {
            out.writeFloat(bias[k]);
            for (float f : weights[k]) {
                out.writeFloat(f);
            }
        }
    }

    static LinearSvm read(DataInputStream in) throws IOException {
        int classes = in.readInt();
        int dim = in.readInt();
        float[][] w = new float[classes][dim];
        float[] b = new float[classes];
        for (int k = 0; k < classes; k++) {
            b[k] = in.readFloat();
            for (int j = 0; j < dim; j++) {
                w[k][j] = in.readFloat();
            }
        }
        return new LinearSvm(w, b);
    }
}
