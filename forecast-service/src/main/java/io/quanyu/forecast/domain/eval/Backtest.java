package io.quanyu.forecast.domain.eval;

import io.quanyu.forecast.domain.History;
import io.quanyu.forecast.domain.Series;
import io.quanyu.forecast.domain.model.ForecastModel;
import io.quanyu.forecast.domain.model.Models;
import java.util.ArrayList;
import java.util.List;

/**
 * Rolling-origin evaluation of one model on one series: at each origin o the model sees periods before o and
 * forecasts o..o+H-1; only observed targets before a limit count, so a selection window never peeks at later data.
 */
public final class Backtest {

    private Backtest() {
    }

    /**
     * Accuracy and out-of-sample errors of a model over a window of origins.
     *
     * @param originMase  the scaled absolute error averaged over each scored origin's horizons, in origin order
     * @param outOfRange  origins at which the model's raw forecast left the history's plausible range
     */
    public record Result(String model, double mase, double smape, int points, ErrorDistribution errors,
                         double[] originMase, int outOfRange) {

        /**
         * The mean of the origins' errors without the best and worst {@code trim} share of them (at least one each
         * once there are five origins): one origin, a freak week or a model's lucky guess, cannot decide a ranking.
         */
        public double trimmedMase(double trim) {
            if (originMase.length == 0) {
                return Double.NaN;
            }
            double[] sorted = originMase.clone();
            java.util.Arrays.sort(sorted);
            int cut = trim <= 0 ? 0 : Math.max(sorted.length >= 5 ? 1 : 0, (int) Math.floor(trim * sorted.length));
            double sum = 0;
            int c = 0;
            for (int i = cut; i < sorted.length - cut; i++) {
                sum += sorted[i];
                c++;
            }
            return sum / c;
        }

        /** The largest error of one origin (NaN without scored origins). */
        public double worstOrigin() {
            return java.util.Arrays.stream(originMase).max().orElse(Double.NaN);
        }
    }

    /**
     * @param fromOrigin  first origin (number of periods the model sees)
     * @param toOrigin    origin bound, exclusive
     * @param horizon     periods forecast from each origin
     * @param targetLimit targets at or after this index are not scored
     */
    public static Result run(ForecastModel model, Series series, int fromOrigin, int toOrigin, int horizon,
                             int targetLimit) {
        double[] y = series.demand();
        int limit = Math.min(targetLimit, y.length);
        double scale = Metrics.scale(series.history(Math.max(1, fromOrigin)));
        List<List<Double>> byH = lists(horizon);
        List<List<Double>> cum = lists(horizon);
        double absScaled = 0;
        double smape = 0;
        int points = 0;
        List<Double> perOrigin = new ArrayList<>();
        int outOfRange = 0;
        for (int o = Math.max(1, fromOrigin); o < toOrigin && o < limit; o++) {
            History h = series.history(o);
            Models.Output out = Models.bounded(model, h, horizon);
            double[] f = out.forecast();
            outOfRange += out.outOfRange() ? 1 : 0;
            double originAbs = 0;
            int originPoints = 0;
            double sumY = 0;
            double sumF = 0;
            boolean complete = true;
            for (int k = 0; k < horizon && o + k < limit; k++) {
                double a = y[o + k];
                if (Double.isNaN(a)) {
                    complete = false;
                    continue;
                }
                absScaled += Math.abs(a - f[k]) / scale;
                originAbs += Math.abs(a - f[k]) / scale;
                originPoints++;
                smape += Metrics.smape(a, f[k]);
                points++;
                byH.get(k).add(Metrics.logError(a, f[k]));
                sumY += a;
                sumF += f[k];
                if (complete) {
                    cum.get(k).add(Metrics.logError(sumY, sumF));
                }
            }
            if (originPoints > 0) {
                perOrigin.add(originAbs / originPoints);
            }
        }
        double mase = points == 0 ? Double.NaN : absScaled / points;
        return new Result(model.name(), mase, points == 0 ? Double.NaN : smape / points, points,
                new ErrorDistribution(toArrays(byH), toArrays(cum)),
                perOrigin.stream().mapToDouble(Double::doubleValue).toArray(), outOfRange);
    }

    private static List<List<Double>> lists(int n) {
        List<List<Double>> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(new ArrayList<>());
        }
        return l;
    }

    private static double[][] toArrays(List<List<Double>> l) {
        double[][] out = new double[l.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = l.get(i).stream().mapToDouble(Double::doubleValue).toArray();
        }
        return out;
    }
}
