package io.quanyu.profile.api;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON body of every error answer. */
@Schema(description = "An error: a stable code and a human-readable reason")
public record ApiError(@Schema(description = "Stable error code") String error, @Schema(description = "What was wrong") String message) {

    static Response response(Response.Status status, String error, String message) {
        return Response.status(status).entity(new ApiError(error, message)).type("application/json").build();
    }
}
