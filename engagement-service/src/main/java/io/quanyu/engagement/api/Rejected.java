package io.quanyu.engagement.api;

import io.quanyu.support.ApiError;
import jakarta.ws.rs.core.Response;

/** A request refused with a 4xx and a stable code; {@link EngagementErrors} turns it into the JSON error. */
public final class Rejected extends RuntimeException {

    private final int status;
    private final String code;

    public Rejected(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static Rejected notFound(String message) {
        return new Rejected(404, "not_found", message);
    }

    public Response response() {
        return ApiError.response(status, code, getMessage());
    }
}
