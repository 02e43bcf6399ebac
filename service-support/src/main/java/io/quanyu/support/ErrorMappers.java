package io.quanyu.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error as JSON: framework errors (404, 405, 415) keep their status; a path or query value of the wrong type and
 * JSON of the wrong shape are a 400 that says which and where; a database that cannot answer is a 503 to retry; anything
 * unexpected is a logged 500.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return ApiError.response(status.getStatusCode(), status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_'), e.getMessage());
    }

    /**
     * Quarkus REST reports a path or query value it cannot convert (limit=abc for an int) as a NotFoundException caused by
     * the conversion's failure, as JAX-RS prescribes; the resource exists and the client sent a wrong value, so 400.
     */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, ResourceInfo resource, UriInfo uri) {
        if (e.getCause() == null || e.getCause() instanceof WebApplicationException) {
            return framework(e);
        }
        return ApiError.response(Response.Status.BAD_REQUEST, "invalid_parameter",
                BadParameter.describe(resource == null ? null : resource.getResourceMethod(), uri));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error in a request", e);
        return ApiError.response(500, "internal", "unexpected error; it has been logged");
    }

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
