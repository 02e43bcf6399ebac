package io.quanyu.ingestion.domain;

import io.quanyu.events.ReasonCode;

/** Raised inside adapters to refuse a message with a reason; the normalizer turns it into a failure. */
final class Rejected extends RuntimeException {

    private final ReasonCode code;

    Rejected(ReasonCode code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    ReasonCode code() {
        return code;
    }
}
