package io.quanyu.profile.api;

import io.quanyu.profile.config.ProfileConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Lets an {@link Admin} request through only with the admin bearer token (compared in constant time). */
@Admin
@Provider
public class AdminFilter implements ContainerRequestFilter {

    // Filters are built before runtime configuration exists: the token is read on first use.
    private final jakarta.enterprise.inject.Instance<ProfileConfig> config;
    private volatile byte[] token;

    public AdminFilter(jakarta.enterprise.inject.Instance<ProfileConfig> config) {
        this.config = config;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            request.abortWith(ApiError.response(Response.Status.UNAUTHORIZED, "unauthorized", "admin endpoint: send Authorization: Bearer <admin token>"));
            return;
        }
        byte[] given = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        if (token == null) {
            token = config.get().adminToken().filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        }
        if (token.length == 0 || !MessageDigest.isEqual(token, given)) {
            request.abortWith(ApiError.response(Response.Status.FORBIDDEN, "forbidden", "the admin token is not valid"));
        }
    }
}
