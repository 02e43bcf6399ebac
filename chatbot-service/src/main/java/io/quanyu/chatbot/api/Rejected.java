package io.quanyu.chatbot.api;

import io.quanyu.support.ApiError;
import jakarta.ws.rs.core.Response;

/** A request refused with a 4xx and a reason. */
public final class Rejected extends Exception {

    private final int status;
    private final String code;

    public Rejected(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public Response response() {
        return ApiError.response(status, code, getMessage());
    }
}
