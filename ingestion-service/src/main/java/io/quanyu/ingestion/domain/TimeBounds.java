package io.quanyu.ingestion.domain;

import io.quanyu.events.ReasonCode;
import java.time.Duration;
import java.time.Instant;

/**
 * The plausible range of an event time relative to when the message arrived: not later than
 * {@code maxAhead} after receipt (device clocks drift, but not by hours), not before {@code earliest}.
 */
public record TimeBounds(Duration maxAhead, Instant earliest) {

    /** Five minutes of clock drift; nothing before 2000 (replays of older logs shift their times). */
    public static final TimeBounds DEFAULT = new TimeBounds(Duration.ofMinutes(5), Instant.parse("2000-01-01T00:00:00Z"));

    /** {@code time} when plausible; a {@code clock_skew} refusal otherwise. */
    Instant check(Instant time, Instant receivedAt, String field) {
        if (time.isAfter(receivedAt.plus(maxAhead))) {
            throw new Rejected(ReasonCode.CLOCK_SKEW, field + ": " + time + " is " + Duration.between(receivedAt, time).toSeconds()
                    + " s after the message arrived (" + receivedAt + "); at most " + maxAhead.toSeconds() + " s of clock drift is accepted");
        }
        if (time.isBefore(earliest)) {
            throw new Rejected(ReasonCode.CLOCK_SKEW, field + ": " + time + " is before " + earliest + ", too early to be a real event time");
        }
        return time;
    }

    /** An epoch-milliseconds time, telling apart the common mistake of sending seconds. */
    Instant epochMillis(long millis, Instant receivedAt, String field) {
        Instant time = Instant.ofEpochMilli(millis);
        if (time.isBefore(earliest) && millis > 0) {
            Instant asSeconds = Instant.ofEpochSecond(millis);
            if (!asSeconds.isBefore(earliest) && !asSeconds.isAfter(receivedAt.plus(maxAhead))) {
                throw new Rejected(ReasonCode.CLOCK_SKEW, field + ": " + millis + " looks like epoch seconds (" + asSeconds
                        + "); this field takes epoch milliseconds");
            }
        }
        return check(time, receivedAt, field);
    }
}
