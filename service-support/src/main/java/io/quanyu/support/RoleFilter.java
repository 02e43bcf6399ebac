package io.quanyu.support;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Enforces {@link Roles} and {@link Admin}: 401 without a credential or with one that is not valid (unknown token, bad
 * signature, expired), 403 with a valid credential of another role; the caller is then in {@link CurrentCaller}.
 * Public endpoints are not looked at.
 */
public class RoleFilter {

    private final Credentials credentials;
    private final CurrentCaller current;
    private final Map<Method, Optional<Access>> access = new ConcurrentHashMap<>();

    public RoleFilter(Credentials credentials, CurrentCaller current) {
        this.credentials = credentials;
        this.current = current;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        Optional<Access> a = access.computeIfAbsent(method, m -> Optional.ofNullable(Access.of(resource.getResourceClass(), m)));
        if (a.isEmpty()) {
            return null;
        }
        Caller caller;
        try {
            caller = credentials.identify(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        } catch (Credentials.Refused e) {
            return unauthorized("invalid_token", e.getMessage());
        }
        if (caller.anonymous() && !a.get().anonymous()) {
            return unauthorized("unauthorized", "send Authorization: Bearer <token> of " + names(a.get()));
        }
        if (!a.get().allows(caller)) {
            return ApiError.response(Response.Status.FORBIDDEN, "forbidden", "this endpoint is for " + names(a.get()) + ", not " + caller.role().scheme());
        }
        current.set(caller);
        return null;
    }

    private static Response unauthorized(String code, String message) {
        Response r = ApiError.response(Response.Status.UNAUTHORIZED, code, message);
        r.getHeaders().add(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"quanyu\"");
        return r;
    }

    private static String names(Access a) {
        return String.join(" or ", a.accepted().stream().map(Role::scheme).toList());
    }
}
