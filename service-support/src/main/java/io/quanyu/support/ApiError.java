package io.quanyu.support;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON body of every error answer of every service: {@code {"error": code, "message": text}}. */
@Schema(description = "An error: a stable code and a human-readable reason")
public record ApiError(
        @Schema(description = "Stable error code, e.g. unauthorized, not_found, schema_violation, unavailable") String error,
        @Schema(description = "What was wrong") String message) {

    public static Response response(Response.Status status, String error, String message) {
        return response(status.getStatusCode(), error, message);
    }

    public static Response response(int status, String error, String message) {
        return Response.status(status).entity(new ApiError(error, message)).type("application/json").build();
    }
}
