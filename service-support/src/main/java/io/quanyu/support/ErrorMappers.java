package io.quanyu.support;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error as JSON: framework errors (404, 405, 415, bad JSON) keep their status; anything unexpected is logged. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return ApiError.response(status.getStatusCode(), status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_'), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error in a request", e);
        return ApiError.response(500, "internal", "unexpected error; it has been logged");
    }
}
