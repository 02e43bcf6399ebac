package io.quanyu.events.validation;

import io.quanyu.events.ReasonCode;

/** One thing wrong with an input: where (a JSON path such as {@code data.lines[0].quantity}), what, and its code. */
public record Violation(String path, ReasonCode code, String reason) {

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
