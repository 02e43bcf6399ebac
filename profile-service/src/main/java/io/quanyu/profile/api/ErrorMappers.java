package io.quanyu.profile.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error as JSON: framework errors keep their status, anything unexpected is logged and answered 500. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Response.status(status.getStatusCode()).type("application/json")
                .entity(new ApiError(status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '_'), e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error in a request", e);
        return Response.serverError().type("application/json").entity(new ApiError("internal", "unexpected error; it has been logged")).build();
    }
}
