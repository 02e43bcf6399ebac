package io.quanyu.ads.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounds a split to cents so the rounded spends add up exactly to the rounded target (largest remainders get the odd cents). */
final class Cents {

    private Cents() {
    }

    static BigDecimal[] round(double[] spends, double target) {
        long goal = BigDecimal.valueOf(target).setScale(2, RoundingMode.HALF_EVEN).movePointRight(2).longValueExact();
        long[] cents = new long[spends.length];
        double[] rest = new double[spends.length];
        long sum = 0;
        for (int i = 0; i < spends.length; i++) {
            double c = Math.max(0, spends[i]) * 100;
            cents[i] = (long) Math.floor(c + 1e-6);
            rest[i] = c - cents[i];
            sum += cents[i];
        }
        while (sum != goal) {
            int best = -1;
            for (int i = 0; i < spends.length; i++) {
                boolean eligible = sum < goal || cents[i] > 0;
                if (eligible && (best < 0 || (sum < goal ? rest[i] > rest[best] : rest[i] < rest[best]))) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            cents[best] += sum < goal ? 1 : -1;
            rest[best] += sum < goal ? -1 : 1;
            sum += sum < goal ? 1 : -1;
        }
        BigDecimal[] out = new BigDecimal[spends.length];
        for (int i = 0; i < spends.length; i++) {
            out[i] = BigDecimal.valueOf(cents[i], 2);
        }
        return out;
    }
}
