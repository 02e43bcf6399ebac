package io.quanyu.chatbot.bench;

import io.quanyu.chatbot.domain.ml.LabelledText;
import io.quanyu.chatbot.domain.ml.Prediction;

import java.util.List;

/** Accuracy and expected calibration error of predictions against labelled test data. */
final class Metrics {

    private Metrics() {
    }

    static double accuracy(List<String> predicted, List<LabelledText> test) {
        int ok = 0;
        for (int i = 0; i < test.size(); i++) {
            if (test.get(i).label().equals(predicted.get(i))) {
                ok++;
            }
        }
        return test.isEmpty() ? Double.NaN : (double) ok / test.size();
    }

    /** Expected calibration error over 10 equal-width confidence bins. */
    static double ece(List<Prediction> predictions, List<LabelledText> test) {
        int bins = 10;
        double[] conf = new double[bins];
        double[] hits = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < test.size(); i++) {
            Prediction p = predictions.get(i);
            int b = Math.min(bins - 1, (int) (p.confidence() * bins));
            conf[b] += p.confidence();
            hits[b] += p.label().equals(test.get(i).label()) ? 1 : 0;
            count[b]++;
        }
        double e = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                e += Math.abs(hits[b] - conf[b]) / test.size();
            }
        }
        return e;
    }

    static String pct(double x) {
        return String.format("%.2f %%", 100 * x);
    }
}
