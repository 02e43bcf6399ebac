package io.quanyu.forecast.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quanyu.support.ApiError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Errors service-support's mappers leave out: JSON of the wrong shape is a 400 that says where (the framework's own
 * answer has no body outside dev mode), and a database that cannot answer is a 503 to retry, not a 500.
 */
public class ErrorAnswers {

    private static final Logger LOG = Logger.getLogger(ErrorAnswers.class);

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String path = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? m.getPathReference() : null;
        String reason = e.getOriginalMessage() == null ? "unreadable JSON" : e.getOriginalMessage().lines().findFirst().orElse("");
        if (reason.length() > 200) {
            reason = reason.substring(0, 200) + "…";
        }
        return ApiError.response(Response.Status.BAD_REQUEST, "invalid_json", (path == null ? "" : path + ": ") + reason);
    }

    @ServerExceptionMapper
    public Response database(SQLException e) {
        LOG.warnf("a request could not reach the database: %s", e.getMessage());
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", 5).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError("unavailable", "the database is not answering; try again shortly")).build();
    }
}
