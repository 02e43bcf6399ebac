package io.quanyu.console.domain;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One backend answer as a page needs it: the status (0 when the service did not answer), the JSON body when there is
 * one, and a message fit to show when the call did not succeed (the service's own {@code message}, or what went wrong).
 */
public record Reply(Service service, int status, JsonNode body, String problem) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public static Reply unreachable(Service service, String what) {
        return new Reply(service, 0, null, service.label() + " did not answer: " + what);
    }

    /** What a page shows instead of the data: the service, the status and the reason. */
    public String error() {
        if (ok()) {
            return null;
        }
        return status == 0 ? problem : service.label() + " answered " + status + (problem == null ? "" : ": " + problem);
    }
}
