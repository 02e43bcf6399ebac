package io.quanyu.ingestion.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.ReasonCode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/** What adapters need besides the message: when it arrived, time zones, and decoding with reasons. */
public record AdapterContext(Instant receivedAt, ZoneId defaultZone, java.util.function.Function<String, ZoneId> storeZone,
                             TimeBounds bounds) {

    public AdapterContext(Instant receivedAt, ZoneId defaultZone, java.util.function.Function<String, ZoneId> storeZone) {
        this(receivedAt, defaultZone, storeZone, TimeBounds.DEFAULT);
    }

    /** {@code yyyy-MM-dd HH:mm:ss}, also accepting the ISO {@code T} separator and fractions of a second. */
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    /** Decodes and validates a record; a failure becomes a {@link Rejected} whose paths start at {@code where}. */
    <T> T decode(JsonNode node, Class<T> type, String where) {
        return switch (EventCodec.decodeTree(node, type)) {
            case Decoded.Ok<T> ok -> ok.value();
            case Decoded.Failed<T> f -> throw new Rejected(f.code(), prefix(where, f.detail()));
        };
    }

    /** A local wall-clock time of {@code zone} as UTC, within the plausible range. */
    Instant localTime(String text, ZoneId zone, String field) {
        Instant time;
        try {
            time = LocalDateTime.parse(text.trim(), LOCAL).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new Rejected(ReasonCode.SCHEMA_VIOLATION, field + ": expected yyyy-MM-dd HH:mm:ss (" + zone + " local time), was '" + text + "'");
        }
        return bounds.check(time, receivedAt, field);
    }

    /** An epoch-milliseconds event time within the plausible range. */
    Instant epochMillis(long millis, String field) {
        return bounds.epochMillis(millis, receivedAt, field);
    }

    /** An absolute event time within the plausible range. */
    Instant eventTime(Instant time, String field) {
        return bounds.check(time, receivedAt, field);
    }

    /** The zone of a store: the message's own {@code time_zone}, else the configured one, else the default. */
    ZoneId zoneOf(String storeId, String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            try {
                return ZoneId.of(explicit.trim());
            } catch (DateTimeException e) {
                throw new Rejected(ReasonCode.SCHEMA_VIOLATION, "time_zone: unknown zone '" + explicit + "'");
            }
        }
        ZoneId configured = storeZone.apply(storeId);
        return configured != null ? configured : defaultZone;
    }

    private static String prefix(String where, String detail) {
        if (where.isEmpty()) {
            return detail;
        }
        // Each violation is "path: reason"; put the location in front of every path.
        return java.util.Arrays.stream(detail.split("; "))
                .map(v -> v.startsWith("$") || v.startsWith("not JSON") || v.startsWith("expected") ? where + ": " + v : where + "." + v)
                .collect(java.util.stream.Collectors.joining("; "));
    }
}
