package io.quanyu.chatbot.domain.ml;

/** Softmax with one temperature fitted on held-out scores, which turns margins into calibrated probabilities. */
public final class TemperatureScaling {

    private TemperatureScaling() {
    }

    public static double[] softmax(double[] scores, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double[] p = new double[scores.length];
        double sum = 0;
        for (int k = 0; k < scores.length; k++) {
            p[k] = Math.exp((scores[k] - max) / temperature);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** The temperature in [0.005, 50] minimising the negative log-likelihood (golden-section search on log T). */
    public static double fit(double[][] scores, int[] labels) {
        double lo = Math.log(0.005);
        double hi = Math.log(50);
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo);
        double b = lo + phi * (hi - lo);
        double fa = nll(scores, labels, Math.exp(a));
        double fb = nll(scores, labels, Math.exp(b));
        for (int i = 0; i < 60; i++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - phi * (hi - lo);
                fa = nll(scores, labels, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + phi * (hi - lo);
                fb = nll(scores, labels, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    public static double nll(double[][] scores, int[] labels, double temperature) {
        double total = 0;
        for (int i = 0; i < scores.length; i++) {
            total -= Math.log(Math.max(softmax(scores[i], temperature)[labels[i]], 1e-12));
        }
        return total / Math.max(1, scores.length);
    }
}
