package io.quanyu.engagement.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Local hours in which no customer is contacted, e.g. 22:00 to 08:00 in Asia/Shanghai (a window may pass midnight).
 * Start is inclusive, end exclusive; start equal to end means no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    public boolean quietAt(Instant at) {
        LocalTime t = at.atZone(zone).toLocalTime();
        if (start.equals(end)) {
            return false;
        }
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }

    /** {@code at} itself when it is not quiet, else the end of the quiet window it falls in. */
    public Instant nextAllowed(Instant at) {
        if (!quietAt(at)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime end = local.toLocalDate().atTime(this.end).atZone(zone);
        if (!end.isAfter(local)) {
            end = local.toLocalDate().plusDays(1).atTime(this.end).atZone(zone);
        }
        return end.toInstant();
    }
}
