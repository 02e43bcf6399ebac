package io.quanyu.forecast.domain.model;

import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/** Small derivative-free minimisers for fitting smoothing parameters inside a box. */
public final class Optim {

    private Optim() {
    }

    /** Golden-section search for the minimum of a unimodal function on [lo, hi]. */
    public static double golden(DoubleUnaryOperator f, double lo, double hi, double tol) {
        final double g = (Math.sqrt(5) - 1) / 2;
        double a = lo;
        double b = hi;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        double fc = f.applyAsDouble(c);
        double fd = f.applyAsDouble(d);
        while (b - a > tol) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - g * (b - a);
                fc = f.applyAsDouble(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + g * (b - a);
                fd = f.applyAsDouble(d);
            }
        }
        return (a + b) / 2;
    }

    /**
     * Nelder-Mead simplex minimisation with the point clamped into [lower, upper] before every evaluation, which keeps
     * smoothing parameters admissible without a penalty term.
     */
    public static double[] nelderMead(ToDoubleFunction<double[]> f, double[] x0, double step, double[] lower,
                                      double[] upper, int maxEvals) {
        int d = x0.length;
        double[][] s = new double[d + 1][];
        double[] fs = new double[d + 1];
        s[0] = clamp(x0.clone(), lower, upper);
        for (int i = 0; i < d; i++) {
            double[] p = s[0].clone();
            p[i] = p[i] + step <= upper[i] ? p[i] + step : p[i] - step;
            s[i + 1] = clamp(p, lower, upper);
        }
        int evals = 0;
        for (int i = 0; i <= d; i++) {
            fs[i] = f.applyAsDouble(s[i]);
            evals++;
        }
        while (evals < maxEvals) {
            sort(s, fs);
            if (Math.abs(fs[d] - fs[0]) <= 1e-10 * (Math.abs(fs[0]) + 1e-12)) {
                break;
            }
            double[] centroid = new double[d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    centroid[j] += s[i][j] / d;
                }
            }
            double[] xr = clamp(affine(centroid, s[d], -1.0), lower, upper);
            double fr = f.applyAsDouble(xr);
            evals++;
            if (fr < fs[0]) {
                double[] xe = clamp(affine(centroid, s[d], -2.0), lower, upper);
                double fe = f.applyAsDouble(xe);
                evals++;
                if (fe < fr) {
                    s[d] = xe;
                    fs[d] = fe;
                } else {
                    s[d] = xr;
                    fs[d] = fr;
                }
            } else if (fr < fs[d - 1]) {
                s[d] = xr;
                fs[d] = fr;
            } else {
                double[] xc = clamp(affine(centroid, s[d], 0.5), lower, upper);
                double fc = f.applyAsDouble(xc);
                evals++;
                if (fc < fs[d]) {
                    s[d] = xc;
                    fs[d] = fc;
                } else {
                    for (int i = 1; i <= d; i++) {
                        s[i] = clamp(affine(s[0], s[i], 0.5), lower, upper);
                        fs[i] = f.applyAsDouble(s[i]);
                        evals++;
                    }
                }
            }
        }
        sort(s, fs);
        return s[0];
    }

    // centroid + t * (worst - centroid)
    private static double[] affine(double[] c, double[] w, double t) {
        double[] out = new double[c.length];
        for (int j = 0; j < c.length; j++) {
            out[j] = c[j] + t * (w[j] - c[j]);
        }
        return out;
    }

    private static double[] clamp(double[] x, double[] lo, double[] hi) {
        for (int j = 0; j < x.length; j++) {
            x[j] = Math.max(lo[j], Math.min(hi[j], x[j]));
        }
        return x;
    }

    private static void sort(double[][] s, double[] fs) {
        for (int i = 1; i < fs.length; i++) {
            for (int j = i; j > 0 && fs[j] < fs[j - 1]; j--) {
                double tf = fs[j];
                fs[j] = fs[j - 1];
                fs[j - 1] = tf;
                double[] tp = s[j];
                s[j] = s[j - 1];
                s[j - 1] = tp;
            }
        }
    }
}
