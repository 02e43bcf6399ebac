package io.quanyu.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why an input was refused; carried by failed events and by 4xx answers. */
public enum ReasonCode {
    /** Not JSON, or not the JSON shape expected at all (wrong type for a field, bad date). */
    UNPARSEABLE,
    /** Parsed, but a required field is missing or a value has the wrong form. */
    SCHEMA_VIOLATION,
    /** The channel's event name or the CloudEvents type is not one the suite knows. */
    UNKNOWN_EVENT,
    /** A value outside its plausible range: negative quantity, absurd price, rating 9. */
    OUT_OF_RANGE,
    /** Text with a control character (such as U+0000) or an unpaired surrogate, which no store downstream can keep. */
    INVALID_TEXT,
    /** The message exceeds the size limit. */
    TOO_LARGE,
    /** The event time is too far in the future (or before the epoch) to be a real event time. */
    CLOCK_SKEW,
    /** The channel or credentials do not match what the message claims. */
    UNAUTHORIZED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ReasonCode fromWire(String wire) {
        return valueOf(wire.trim().toUpperCase(Locale.ROOT));
    }
}
