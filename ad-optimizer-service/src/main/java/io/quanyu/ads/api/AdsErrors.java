package io.quanyu.ads.api;

import io.quanyu.ads.domain.InvalidRequestException;
import io.quanyu.support.ApiError;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The ad optimizer's refusals as JSON errors: its own 4xx, and the domain's invalid requests (infeasible budgets, bad campaigns) as 400. */
public class AdsErrors {

    @ServerExceptionMapper
    public Response rejected(Rejected e) {
        return e.response();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return ApiError.response(Response.Status.BAD_REQUEST, e.code(), e.getMessage());
    }
}
