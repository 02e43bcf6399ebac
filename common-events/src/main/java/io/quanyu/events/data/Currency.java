package io.quanyu.events.data;

import io.quanyu.events.ReasonCode;
import io.quanyu.events.validation.Checks;

/** ISO-4217 currency code check shared by payloads that carry money. */
final class Currency {

    private Currency() {
    }

    static void check(Checks checks, String path, String code) {
        if (code != null && !code.matches("[A-Z]{3}")) {
            checks.add(path, ReasonCode.SCHEMA_VIOLATION, "must be an ISO-4217 code such as CNY, was '" + code + "'");
        }
    }
}
