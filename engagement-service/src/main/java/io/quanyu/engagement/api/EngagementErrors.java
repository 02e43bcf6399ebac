package io.quanyu.engagement.api;

import io.quanyu.engagement.domain.Invalid;
import io.quanyu.support.ApiError;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The service's refusals as JSON errors: its own 4xx, and invalid definitions as 400 with the reason. */
public class EngagementErrors {

    @ServerExceptionMapper
    public Response rejected(Rejected e) {
        return e.response();
    }

    @ServerExceptionMapper
    public Response invalid(Invalid e) {
        return ApiError.response(Response.Status.BAD_REQUEST, "invalid_request", e.getMessage());
    }
}
