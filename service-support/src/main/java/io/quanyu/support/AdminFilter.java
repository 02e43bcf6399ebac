package io.quanyu.support;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Lets an {@link Admin} request through only with the token of {@code quanyu.admin-token} (env
 * QUANYU_ADMIN_TOKEN), compared in constant time: 401 without a token, 403 with a wrong one, and every request
 * refused when no token is configured.
 */
@Admin
@Provider
public class AdminFilter implements ContainerRequestFilter {

    // Filters are built before runtime configuration exists: the token is read on first use.
    private volatile byte[] token;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            request.abortWith(ApiError.response(Response.Status.UNAUTHORIZED, "unauthorized", "admin endpoint: send Authorization: Bearer <admin token>"));
            return;
        }
        if (token == null) {
            token = ConfigProvider.getConfig().getOptionalValue("quanyu.admin-token", String.class).filter(t -> !t.isBlank())
                    .map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        }
        byte[] given = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        if (token.length == 0 || !MessageDigest.isEqual(token, given)) {
            request.abortWith(ApiError.response(Response.Status.FORBIDDEN, "forbidden", "the admin token is not valid"));
        }
    }
}
