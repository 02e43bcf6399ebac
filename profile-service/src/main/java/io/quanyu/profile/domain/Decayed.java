package io.quanyu.profile.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * An interest score that halves every half-life without new signals: {@code score} as it stood at {@code at}.
 * Adding a signal first decays the score to the signal's time, so signals arriving out of order still sum right.
 */
public record Decayed(double score, Instant at) {

    /** The score as of {@code when}. */
    public double valueAt(Instant when, Duration halfLife) {
        double ageDays = Duration.between(at, when).toSeconds() / 86_400.0;
        return score * Math.pow(0.5, ageDays / (halfLife.toSeconds() / 86_400.0));
    }

    /** This score plus {@code weight} observed at {@code when}. */
    public Decayed plus(double weight, Instant when, Duration halfLife) {
        if (when.isBefore(at)) {
            // A late signal counts as much as it would have counted had it arrived in order.
            return new Decayed(score + new Decayed(weight, when).valueAt(at, halfLife), at);
        }
        return new Decayed(valueAt(when, halfLife) + weight, when);
    }

    /** The sum of two scores, at the later of their times. */
    public Decayed merge(Decayed other, Duration halfLife) {
        Instant later = at.isAfter(other.at) ? at : other.at;
        return new Decayed(valueAt(later, halfLife) + other.valueAt(later, halfLife), later);
    }
}
