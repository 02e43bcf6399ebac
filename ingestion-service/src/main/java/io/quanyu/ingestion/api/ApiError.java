package io.quanyu.ingestion.api;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON body of every error answer. */
@Schema(description = "An error: a stable code and a human-readable reason")
public record ApiError(
        @Schema(description = "Stable error code, e.g. unauthorized, unparseable, too_large, unavailable") String error,
        @Schema(description = "What was wrong, for the developer of the channel app") String message) {

    static Response response(Response.Status status, String error, String message) {
        return Response.status(status).entity(new ApiError(error, message)).type("application/json").build();
    }
}
